import { addWorkingDays, Department, Role, type Principal } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { NoticeKind, NoticeSeverity } from './notice.entity';
import { sendNotice } from './notice.service';
import { useUnionWithHrChannelRoutes } from '../channel/channel.fixtures';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { ADMIN, CASEWORKER, COORDINATOR, ANALYST } = Role;
const CONSTRUCTION = '91110115102884310L';
const ELECTRONICS = '91110302802205163G';
/** The construction crew's dispute in the demo world (as of TEST_AS_OF), which the union referred to legal aid. */
const REFERRED_DISPUTE = 'LD-UN-2026-000003';

const NOTICE = /* GraphQL */ `id idempotencyKey channelCode sender recipient kind severity enterpriseCreditCode disputeNo personRef summary
  dueOn status overdue version acknowledgedBy { subject name } answer answeredBy { subject }`;
const SEND = `mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { ${NOTICE} } }`;
const ACK = `mutation ($input: AcknowledgeNoticeInput!) { acknowledgeNotice(input: $input) { ${NOTICE} } }`;
const ANSWER = `mutation ($input: AnswerNoticeInput!) { answerNotice(input: $input) { ${NOTICE} } }`;
const ONE = `query ($id: ID!) { notice(id: $id) { ${NOTICE} } }`;
const LIST = `query ($sender: Department, $recipient: Department, $status: NoticeStatus, $overdue: Boolean) {
  notices(sender: $sender, recipient: $recipient, status: $status, overdue: $overdue) { idempotencyKey sender recipient status dueOn overdue } }`;

const hr = asPrincipal(HR_BUREAU, CASEWORKER);
const union_ = asPrincipal(UNION, CASEWORKER);
const court = asPrincipal(COURT, CASEWORKER);
const today = TEST_AS_OF;

let counter = 0;
const key = (name: string) => `t-${name}-${(counter += 1)}`;
const arrears = (extra: object = {}) => ({
  idempotencyKey: key('arrears'),
  channelCode: 'HR-UNION-ARREARS',
  recipient: UNION,
  kind: NoticeKind.WAGE_ARREARS,
  severity: NoticeSeverity.MAJOR,
  enterpriseCreditCode: CONSTRUCTION,
  summary: '安置房项目欠薪，请工会介入。',
  ...extra,
});

describe('notices over sharing channels (union subgraph)', () => {
  // Decisions on the labour bureau's channels are recorded by the labour bureau: its channel routes.
  const { union } = useUnionWithHrChannelRoutes();

  async function send(input: object, headers = hr) {
    const { body } = await union.query(SEND, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.sendNotice;
  }

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

  describe('refused sends', () => {
    async function refused(input: object, headers: Record<string, string>) {
      const { body } = await union.query(SEND, { input }, headers);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      return body.errors![0]!;
    }
    const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
    async function channel(code: string, decisions: Array<'activate' | 'suspend' | 'revoke'>) {
      const proposed = await union.query(
        `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { version } }`,
        {
          input: {
            code,
            provider: HR_BUREAU,
            consumers: [UNION],
            grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed'] }],
            scope: 'HR_OPEN_WAGE_ARREARS',
            purpose: '测试',
            legalBasis: '《劳动保障监察条例》',
            validFrom: '2026-01-01',
          },
        },
        hrAdmin,
      );
      expect(proposed.body.errors).toBeUndefined();
      let version = 1;
      for (const verb of decisions) {
        const decided = await union.query(
          `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { version } }`,
          { input: { code, version } },
          hrAdmin,
        );
        expect(decided.body.errors).toBeUndefined();
        version = decided.body.data[`${verb}SharingChannel`].version;
      }
    }

    it.each([
      [
        'a suspended channel',
        'T-NOTICE-SUSPENDED',
        ['activate', 'suspend'] as const,
        'is SUSPENDED: notices travel only over an ACTIVE channel',
      ],
      ['a proposed channel', 'T-NOTICE-PROPOSED', [] as const, 'is PROPOSED: notices travel only over an ACTIVE channel'],
      ['a revoked channel', 'T-NOTICE-REVOKED', ['activate', 'revoke'] as const, 'is REVOKED: notices travel only over an ACTIVE channel'],
    ])('over %s: BAD_USER_INPUT naming channelCode', async (_what, code, decisions, rule) => {
      await channel(code, [...decisions]);
      const input = arrears({ channelCode: code });
      expect(await refused(input, hr)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'channelCode', rule } });
      expect(
        (await union.query(LIST, { sender: HR_BUREAU, status: 'SENT' }, hr)).body.data.notices.map(
          (n: { idempotencyKey: string }) => n.idempotencyKey,
        ),
      ).not.toContain(input.idempotencyKey);
    });

    it('to a department the channel does not name: BAD_USER_INPUT naming recipient', async () => {
      expect(await refused(arrears({ recipient: COURT }), hr)).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'recipient',
          rule: 'is not a consumer of channel HR-UNION-ARREARS (it names UNION): a notice goes only to a department the channel names',
        },
      });
    });

    it("over another department's channel: FORBIDDEN", async () => {
      expect(await refused(arrears(), union_)).toMatchObject({
        message: 'Channel HR-UNION-ARREARS is provided by HR_BUREAU: only its provider sends notices over it',
        extensions: { code: 'FORBIDDEN' },
        path: ['sendNotice'],
      });
    });

    it('by an analyst, who writes nothing: FORBIDDEN', async () => {
      expect(await refused(arrears(), asPrincipal(HR_BUREAU, ANALYST))).toMatchObject({
        message: 'Not allowed for your department or role: Mutation.sendNotice',
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('over an unknown channel, with no or two subjects, or a referral without its dispute: BAD_USER_INPUT', async () => {
      expect((await refused(arrears({ channelCode: 'NO-SUCH-CHANNEL' }), hr)).extensions).toMatchObject({
        field: 'channelCode',
        rule: 'names no sharing channel: NO-SUCH-CHANNEL',
      });
      expect((await refused(arrears({ enterpriseCreditCode: null }), hr)).extensions).toMatchObject({
        field: 'enterpriseCreditCode',
        rule: 'must name exactly one subject (enterpriseCreditCode, disputeNo or personRef), not 0',
      });
      expect((await refused(arrears({ disputeNo: REFERRED_DISPUTE }), hr)).extensions).toMatchObject({
        field: 'enterpriseCreditCode',
        rule: 'must name exactly one subject (enterpriseCreditCode, disputeNo or personRef), not 2',
      });
      const referral = {
        idempotencyKey: key('referral'),
        channelCode: 'UNION-JUSTICE-REFERRAL',
        recipient: JUSTICE,
        kind: 'REFERRAL',
        severity: 'MAJOR',
        personRef: 'a'.repeat(32),
        summary: '转介',
      };
      expect((await refused(referral, union_)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'disputeNo',
        rule: "is required for a REFERRAL: the receiving department's new case joins the same dispute",
      });
    });
  });

  it('lets only a writing role of the recipient acknowledge and answer, in order, at the version read', async () => {
    const sent = await send(arrears({ enterpriseCreditCode: ELECTRONICS, kind: 'LAYOFF', channelCode: 'HR-UNION-LAYOFF' }));
    for (const [headers, message] of [
      [hr, 'Only a writing role of UNION may acknowledge this notice'],
      [court, 'Only a writing role of UNION may acknowledge this notice'],
      [asPrincipal(UNION, ANALYST), 'Not allowed for your department or role: Mutation.acknowledgeNotice'],
    ] as const) {
      const { body } = await union.query(ACK, { input: { id: sent.id, version: 1 } }, headers);
      expect(body.errors![0]).toMatchObject({ message, extensions: { code: 'FORBIDDEN' } });
    }
    const early = await union.query(ANSWER, { input: { id: sent.id, version: 1, answer: '已跟进' } }, union_);
    expect(early.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from SENT to ANSWERED (allowed from SENT: ACKNOWLEDGED)',
    });

    const acked = await union.query(ACK, { input: { id: sent.id, version: 1 } }, asPrincipal(UNION, COORDINATOR));
    expect(acked.body.data.acknowledgeNotice).toMatchObject({
      status: 'ACKNOWLEDGED',
      version: 2,
      acknowledgedBy: { subject: 'test:union:coordinator', name: '测试 UNION coordinator' },
    });
    const stale = await union.query(ANSWER, { input: { id: sent.id, version: 1, answer: '已跟进' } }, union_);
    expect(stale.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    const bySender = await union.query(ANSWER, { input: { id: sent.id, version: 2, answer: '已跟进' } }, hr);
    expect(bySender.body.errors![0]).toMatchObject({
      message: 'Only a writing role of UNION may answer this notice',
      extensions: { code: 'FORBIDDEN' },
    });
    const answered = await union.query(ANSWER, { input: { id: sent.id, version: 2, answer: '  已听取工会意见并跟踪安置。 ' } }, union_);
    expect(answered.body.data.answerNotice).toMatchObject({
      status: 'ANSWERED',
      version: 3,
      answer: '已听取工会意见并跟踪安置。',
      answeredBy: { subject: 'test:union:caseworker' },
    });
    const again = await union.query(ACK, { input: { id: sent.id, version: 3 } }, union_);
    expect(again.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'cannot change from ANSWERED to ACKNOWLEDGED (allowed from ANSWERED: none)',
    });
  });

  it('shows a notice to its sender and recipient only', async () => {
    const sent = await send(arrears({ summary: '仅人社局和工会可见' }));
    for (const headers of [hr, union_, asPrincipal(UNION, ANALYST)]) {
      expect((await union.query(ONE, { id: sent.id }, headers)).body.data.notice.summary).toBe('仅人社局和工会可见');
    }
    const byCourt = await union.query(ONE, { id: sent.id }, court);
    expect(byCourt.body).toEqual({
      data: { notice: null },
      errors: [
        expect.objectContaining({
          message: 'A notice from HR_BUREAU to UNION is visible to those two departments only',
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    const between = await union.query(LIST, { sender: HR_BUREAU, recipient: UNION }, court);
    expect(between.body.errors![0]).toMatchObject({
      message: 'Notices from HR_BUREAU to UNION are visible to those two departments only',
      extensions: { code: 'FORBIDDEN' },
    });
    // Unfiltered, the court gets its own notices only.
    const courts = await union.query(LIST, {}, court);
    expect(courts.body.data.notices.map((n: { idempotencyKey: string }) => n.idempotencyKey)).toEqual([
      'demo-court-enforcement-hazard',
      'demo-court-suggestion-arrears',
    ]);
  });

  it("lists open notices on Enterprise and Dispute for the caller's department, in one statement per list", async () => {
    const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { creditCode notices { idempotencyKey status } }
      ... on Dispute { disputeNo notices { idempotencyKey } } } }`;
    const representations = [
      { __typename: 'Enterprise', creditCode: ELECTRONICS },
      { __typename: 'Enterprise', creditCode: '91110302MA00F7LK33' },
      { __typename: 'Dispute', disputeNo: REFERRED_DISPUTE },
    ];
    union.subgraph.queries.reset();
    const asCourt = await union.query(ENTITIES, { r: representations }, court);
    expect(asCourt.body.errors).toBeUndefined();
    expect(union.subgraph.queries.count).toBe(2);
    expect(asCourt.body.data._entities).toEqual([
      { creditCode: ELECTRONICS, notices: [] },
      { creditCode: '91110302MA00F7LK33', notices: [] },
      { disputeNo: REFERRED_DISPUTE, notices: [] },
    ]);
    const asUnion = await union.query(ENTITIES, { r: representations }, union_);
    // The layoff report is open (acknowledged); the answered referral is not listed; the layoff notice answered above neither.
    expect(asUnion.body.data._entities).toEqual([
      { creditCode: ELECTRONICS, notices: [{ idempotencyKey: 'demo-hr-layoff-report', status: 'ACKNOWLEDGED' }] },
      { creditCode: '91110302MA00F7LK33', notices: [] },
      { disputeNo: REFERRED_DISPUTE, notices: [] },
    ]);
  });
});
