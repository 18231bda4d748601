import { addDays, Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from './definition';
import { JointMeeting, MeetingKind } from './meeting/joint-meeting.entity';
import { Notice, NoticeKind, NoticeSeverity } from './notice/notice.entity';

const { HR_BUREAU, UNION, COURT } = Department;
/** More of each than the default of its list: notices and meetings 100, an enterprise's notices 50. */
const NOTICES = 105;
const MEETINGS = 103;
const ENTERPRISE = '91110115102884310L';
const OTHER_ENTERPRISE = '91110302802205163G';

const pad = (n: number) => String(n).padStart(3, '0');
const noticeKey = (i: number) => `bound-${pad(i)}`;
/** Notice i was sent i minutes after 08:00, so newest first is from the highest i down. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, k) => ({ idempotencyKey: noticeKey(NOTICES - k) }));
/** Meeting i is held on day i of 2026: earliest first is from 1 up. */
const meetingDay = (i: number) => addDays('2026-01-01', i - 1);

/** What a notice is, by the channel it goes over. */
const ARREARS = {
  channelCode: 'HR-UNION-ARREARS',
  sender: HR_BUREAU,
  recipient: UNION,
  kind: NoticeKind.WAGE_ARREARS,
  summary: '欠薪线索。',
};
const SUGGESTIONS = {
  channelCode: 'COURT-HR-SUGGESTIONS',
  sender: COURT,
  recipient: HR_BUREAU,
  kind: NoticeKind.HAZARD,
  summary: '司法建议。',
};

const union = useSubgraph(unionSubgraph, { principal: { department: UNION, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(async () => {
  const em = union.subgraph.orm.em.fork();
  /** `count` routine notices about `enterprise` over `route`, the i-th sent i minutes after midnight of November `day`. */
  const send = (route: typeof ARREARS, enterprise: string, day: number, count: number, key: (i: number) => string) => {
    for (let i = 1; i <= count; i++) {
      em.create(Notice, {
        ...route,
        idempotencyKey: key(i),
        severity: NoticeSeverity.ROUTINE,
        enterpriseCreditCode: enterprise,
        sentAt: new Date(Date.UTC(2026, 10, day, 0, i)),
        dueOn: `2026-11-0${day + 2}`,
      });
    }
  };
  send(ARREARS, ENTERPRISE, 2, NOTICES, noticeKey);
  send(ARREARS, OTHER_ENTERPRISE, 1, 2, (i) => `other-${i}`);
  // The newest notices about the enterprise are between two other departments: the union never sees them.
  send(SUGGESTIONS, ENTERPRISE, 3, 2, (i) => `court-hr-${i}`);
  for (let i = 1; i <= MEETINGS; i++) {
    em.create(JointMeeting, {
      kind: MeetingKind.REGULAR_BIMONTHLY,
      scheduledAt: new Date(`${meetingDay(i)}T09:30:00+08:00`),
      place: `会议室${i}`,
      convenedBy: UNION,
      participatingDepartments: [UNION, HR_BUREAU],
      participants: [],
    });
  }
  await em.flush();
}, 60_000);

describe('notices: 100 unless `first` says otherwise, at most 1000', () => {
  const LIST = /* GraphQL */ `query ($first: Int) { notices(sender: HR_BUREAU, first: $first) { idempotencyKey } }`;

  it('gives the 100 newest by default', async () => {
    const { body } = await union.query(`{ notices(sender: HR_BUREAU) { idempotencyKey } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.notices).toEqual(newestFirst(100));
  });

  it('gives as many as `first` asks', async () => {
    const { body } = await union.query(LIST, { first: 3 });
    expect(body.data.notices).toEqual(newestFirst(3));
    const all = await union.query(LIST, { first: 1000 });
    expect(all.body.data.notices).toHaveLength(NOTICES + 2);
  });

  it('refuses more than 1000 with BAD_USER_INPUT naming `first`', async () => {
    const { body } = await union.query(LIST, { first: 1001 });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 1000' });
  });
});

describe("an enterprise's notices: 50 unless `first` says otherwise, at most 500, each enterprise on its own", () => {
  const ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!, $first: Int) { _entities(representations: $representations) { ... on Enterprise { creditCode notices(first: $first) { idempotencyKey } } } }
  `;
  const representations = [ENTERPRISE, OTHER_ENTERPRISE].map((creditCode) => ({ __typename: 'Enterprise', creditCode }));

  it('gives the 50 newest open notices of each by default, from one SQL statement for the batch', async () => {
    union.subgraph.queries.reset();
    const { body } = await union.query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { notices { idempotencyKey } } } }`,
      { representations },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities.map((e: { notices: unknown[] }) => e.notices)).toEqual([
      newestFirst(50),
      [{ idempotencyKey: 'other-2' }, { idempotencyKey: 'other-1' }],
    ]);
    expect(union.subgraph.queries.count).toBe(1);
  });

  it('gives as many as `first` asks, and refuses more than 500 naming `first`', async () => {
    const some = await union.query(ENTITIES, { representations, first: 60 });
    expect(some.body.data._entities.map((e: { notices: unknown[] }) => e.notices.length)).toEqual([60, 2]);
    const refused = await union.query(ENTITIES, { representations: representations.slice(0, 1), first: 501 });
    expect(refused.body.data._entities).toEqual([{ creditCode: ENTERPRISE, notices: null }]);
    expect(refused.body.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'notices'],
      extensions: { code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 500' },
    });
  });

  it("counts only the caller's department's notices against `first`", async () => {
    const asUnion = await union.query(ENTITIES, { representations: representations.slice(0, 1), first: 2 });
    expect(asUnion.body.data._entities).toEqual([{ creditCode: ENTERPRISE, notices: newestFirst(2) }]);
    const asCourt = await union.query(
      ENTITIES,
      { representations: representations.slice(0, 1), first: 2 },
      asPrincipal(COURT, Role.COORDINATOR),
    );
    expect(asCourt.body.data._entities).toEqual([
      { creditCode: ENTERPRISE, notices: [{ idempotencyKey: 'court-hr-2' }, { idempotencyKey: 'court-hr-1' }] },
    ]);
  });
});

describe('jointMeetings: 100 unless `first` says otherwise, at most 1000', () => {
  const LIST = /* GraphQL */ `query ($first: Int) { jointMeetings(first: $first) { place } }`;
  const earliestFirst = (count: number) => Array.from({ length: count }, (_, k) => ({ place: `会议室${k + 1}` }));

  it('gives the 100 earliest by default', async () => {
    const { body } = await union.query(`{ jointMeetings { place } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.jointMeetings).toEqual(earliestFirst(100));
  });

  it('gives as many as `first` asks', async () => {
    const { body } = await union.query(LIST, { first: MEETINGS });
    expect(body.data.jointMeetings).toEqual(earliestFirst(MEETINGS));
  });

  it('refuses more than 1000 with BAD_USER_INPUT naming `first`', async () => {
    const { body } = await union.query(LIST, { first: 1001 });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 1000' });
  });
});
