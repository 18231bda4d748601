import { Department, Role } from '@labour/shared';
import { asPrincipal } from '@labour/testing/tokens';
import { ACK, ANSWER, arrears, court, ELECTRONICS, hr, LIST, ONE, REFERRED_DISPUTE, sendingOn, union_ } from './notice.fixtures';
import { useUnionWithHrChannelRoutes } from '../channel/channel.fixtures';
import { forbiddenAnswer } from '@labour/testing/refusals';

const { HR_BUREAU, UNION } = Department;
const { COORDINATOR, ANALYST } = Role;

describe('notices over sharing channels (union subgraph): acknowledged, answered and read by whom', () => {
  // Decisions on the labour bureau's channels are recorded by the labour bureau: its channel routes.
  const { union } = useUnionWithHrChannelRoutes();
  const send = sendingOn(union);

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
    expect(byCourt.body).toEqual(
      forbiddenAnswer({ notice: null }, 'A notice from HR_BUREAU to UNION is visible to those two departments only'),
    );
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
