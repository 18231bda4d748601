import { addWorkingDays, Department, Role, type Principal } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { sendNotice } from './notice.service';
import { ACK, ANSWER, arrears, CONSTRUCTION, hr, LIST, ONE, REFERRED_DISPUTE, SEND, sendingOn, union_ } from './notice.fixtures';
import { useUnionWithHrChannelRoutes } from '../channel/channel.fixtures';

const { HR_BUREAU, JUSTICE } = Department;
const { CASEWORKER } = Role;
const today = TEST_AS_OF;

describe('notices over sharing channels (union subgraph)', () => {
  // Decisions on the labour bureau's channels are recorded by the labour bureau: its channel routes.
  const { union } = useUnionWithHrChannelRoutes();
  const send = sendingOn(union);

  it('holds the demo notices in every state, each department seeing only its own', async () => {
    const { body } = await union.query(LIST, {}, union_);
    expect(body.errors).toBeUndefined();
    // Newest first; the court's suggestion to HR is not the union's.
    expect(body.data.notices).toEqual([
      {
        idempotencyKey: 'demo-hr-arrears-digest',
        sender: 'HR_BUREAU',
        recipient: 'UNION',
        status: 'SENT',
        dueOn: '2026-11-24',
        overdue: '2026-11-24' < today,
      },
      {
        idempotencyKey: 'demo-court-enforcement-hazard',
        sender: 'COURT',
        recipient: 'UNION',
        status: 'ACKNOWLEDGED',
        dueOn: '2026-11-23',
        overdue: '2026-11-23' < today,
      },
      {
        idempotencyKey: 'demo-hr-layoff-report',
        sender: 'HR_BUREAU',
        recipient: 'UNION',
        status: 'ACKNOWLEDGED',
        dueOn: '2026-11-10',
        overdue: true,
      },
      {
        idempotencyKey: 'demo-union-referral-legal-aid',
        sender: 'UNION',
        recipient: 'JUSTICE',
        status: 'ANSWERED',
        dueOn: '2026-11-06',
        overdue: false,
      },
      {
        idempotencyKey: 'demo-hr-arrears-red-alert',
        sender: 'HR_BUREAU',
        recipient: 'UNION',
        status: 'ANSWERED',
        dueOn: '2026-10-20',
        overdue: false,
      },
    ]);
    const toHr = await union.query(LIST, { recipient: HR_BUREAU }, hr);
    expect(toHr.body.data.notices).toEqual([
      {
        idempotencyKey: 'demo-court-suggestion-arrears',
        sender: 'COURT',
        recipient: 'HR_BUREAU',
        status: 'SENT',
        dueOn: '2026-11-13',
        overdue: true,
      },
    ]);
    const referral = await union.query(
      `{ notices(sender: UNION, recipient: JUSTICE) { kind disputeNo enterpriseCreditCode answer dispute { disputeNo } } }`,
      {},
      asPrincipal(JUSTICE, CASEWORKER),
    );
    expect(referral.body.data.notices).toEqual([
      {
        kind: 'REFERRAL',
        disputeNo: REFERRED_DISPUTE,
        enterpriseCreditCode: null,
        answer: '已受理4名农民工的法律援助申请并指派律师。',
        dispute: { disputeNo: REFERRED_DISPUTE },
      },
    ]);
  });

  it('sends a notice due two working days later (T+2), and a retry with the same key returns the same notice', async () => {
    const input = arrears();
    const first = await send(input);
    expect(first).toEqual({
      id: expect.any(String),
      idempotencyKey: input.idempotencyKey,
      channelCode: 'HR-UNION-ARREARS',
      sender: 'HR_BUREAU',
      recipient: 'UNION',
      kind: 'WAGE_ARREARS',
      severity: 'MAJOR',
      enterpriseCreditCode: CONSTRUCTION,
      disputeNo: null,
      personRef: null,
      summary: '安置房项目欠薪，请工会介入。',
      dueOn: addWorkingDays(today, 2),
      status: 'SENT',
      overdue: false,
      version: 1,
      acknowledgedBy: null,
      answer: null,
      answeredBy: null,
    });
    const retried = await send(input);
    expect(retried).toEqual(first);
    const count = await union.subgraph.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from notice where idempotency_key = ?`, [input.idempotencyKey]);
    expect(count).toEqual([{ n: 1 }]);

    // The same key with other content is a mistake, not a retry.
    const { body } = await union.query(SEND, { input: { ...input, summary: '另一件事' } }, hr);
    expect(body.data).toBeNull();
    expect(body.errors![0]).toMatchObject({
      message: `Idempotency key ${input.idempotencyKey} was already used by HR_BUREAU for another notice (differs in summary): use a new key for a new notice`,
      extensions: { code: 'CONFLICT' },
    });
    // Keys are per sender: the union may use the same one for its own notice.
    const unions = await send(
      {
        ...input,
        channelCode: 'UNION-JUSTICE-REFERRAL',
        recipient: JUSTICE,
        kind: 'REFERRAL',
        enterpriseCreditCode: null,
        disputeNo: 'LD-UN-2026-000104',
      },
      union_,
    );
    expect(unions.id).not.toBe(first.id);
    expect([unions.sender, unions.disputeNo]).toEqual(['UNION', 'LD-UN-2026-000104']);
  });

  it('dates T+2 from the day of sending and flags the notice overdue once that day has passed (fixed date)', async () => {
    const caseworker: Principal = { subject: 'test:hr', name: '测试', department: HR_BUREAU, roles: [CASEWORKER] };
    const em = union.subgraph.orm.em.fork();
    // Friday 2026-11-13 in Beijing: due Tuesday 2026-11-17, the weekend skipped.
    const friday = await sendNotice(
      em,
      Object.assign(arrears(), { disputeNo: null, personRef: null }),
      caseworker,
      new Date('2026-11-13T10:00:00+08:00'),
    );
    expect(friday.dueOn).toBe('2026-11-17');
    // Thursday 2026-11-19, 23:30 in Beijing (15:30 UTC): due Monday 2026-11-23.
    const thursday = await sendNotice(
      em,
      Object.assign(arrears(), { disputeNo: null, personRef: null }),
      caseworker,
      new Date('2026-11-19T15:30:00Z'),
    );
    expect(thursday.dueOn).toBe('2026-11-23');

    const { body } = await union.query(ONE, { id: friday.id }, union_);
    expect(body.data.notice).toMatchObject({ status: 'SENT', dueOn: '2026-11-17', overdue: '2026-11-17' < today });
    expect(today > '2026-11-17').toBe(true); // the tests run after that day
    const overdue = await union.query(LIST, { sender: HR_BUREAU, overdue: true }, union_);
    // Newest first; those due later than Tuesday are overdue only once the calendar has passed their day.
    const expected = [
      ['demo-hr-arrears-digest', '2026-11-24'],
      [thursday.idempotencyKey, '2026-11-23'],
      [friday.idempotencyKey, '2026-11-17'],
      ['demo-hr-layoff-report', '2026-11-10'],
    ]
      .filter(([, dueOn]) => dueOn! < today)
      .map(([k]) => k);
    expect(overdue.body.data.notices.map((n: { idempotencyKey: string }) => n.idempotencyKey)).toEqual(expected);
    expect(expected).toContain(friday.idempotencyKey);

    // Answered, it is no longer overdue, however late.
    const acked = await union.query(ACK, { input: { id: friday.id, version: 1 } }, union_);
    expect(acked.body.data.acknowledgeNotice).toMatchObject({ status: 'ACKNOWLEDGED', overdue: true });
    const answered = await union.query(ANSWER, { input: { id: friday.id, version: 2, answer: '已联系项目部。' } }, union_);
    expect(answered.body.data.answerNotice).toMatchObject({ status: 'ANSWERED', overdue: false, answer: '已联系项目部。' });
  });
});
