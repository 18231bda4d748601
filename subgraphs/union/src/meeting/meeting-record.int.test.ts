import { addDays, Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { CASEWORKER, COORDINATOR, ANALYST, SERVICE } = Role;
const today = TEST_AS_OF;

const RECORD = /* GraphQL */ `query ($id: ID!) { jointMeeting(id: $id) {
  kind place convenedBy participatingDepartments status minutes
  agenda { position subjectKind enterpriseCreditCode raisedBy reason }
  decisions { leadDepartment dueOn status summary followUps { on by note result } } } }`;
const mutation = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { id version decisions { id } } }`;

/** What every caller reads of the meeting: its time, place, kind, status, who takes part, the agenda's subjects, who leads what by when. */
const PUBLIC_PART = {
  kind: 'AD_HOC',
  place: '职工服务中心二楼会议室',
  convenedBy: UNION,
  participatingDepartments: [UNION, HR_BUREAU],
  status: 'CLOSED',
};
const FULL = {
  ...PUBLIC_PART,
  minutes: '会议议定联合约谈。',
  agenda: [
    {
      position: 1,
      subjectKind: 'ENTERPRISE',
      enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
      raisedBy: HR_BUREAU,
      reason: '红色欠薪预警',
    },
  ],
  decisions: [
    {
      leadDepartment: HR_BUREAU,
      dueOn: addDays(today, 7),
      status: 'OPEN',
      summary: '联合约谈',
      followUps: [{ on: today, by: HR_BUREAU, note: '已约谈', result: '仍在推进' }],
    },
  ],
};
const WITHHELD = {
  ...PUBLIC_PART,
  minutes: null,
  agenda: [{ ...FULL.agenda[0], reason: null }],
  decisions: [{ ...FULL.decisions[0], summary: null, followUps: [{ on: today, by: HR_BUREAU, note: null, result: null }] }],
};
const WITHHELD_AT: Array<[string, unknown[]]> = [
  ['The minutes', ['jointMeeting', 'minutes']],
  ['Agenda reasons', ['jointMeeting', 'agenda', 0, 'reason']],
  ['Decision summaries', ['jointMeeting', 'decisions', 0, 'summary']],
  ['Follow-up notes', ['jointMeeting', 'decisions', 0, 'followUps', 0, 'note']],
  ['Follow-up results', ['jointMeeting', 'decisions', 0, 'followUps', 0, 'result']],
];
const forbidden = (message: (what: string) => string) =>
  WITHHELD_AT.map(([what, path]) => ({ message: message(what), path, extensions: { code: 'FORBIDDEN' } }));
const byPath = <E extends { path?: unknown[] }>(errors: E[] = []) =>
  [...errors].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));

describe('the record of a joint meeting: for its participating departments, not analysts (union subgraph)', () => {
  let id: string;
  const union = useSubgraph(unionSubgraph, { demo: false, principal: { department: UNION, roles: [COORDINATOR] } });
  beforeAll(async () => {
    const ok = async (query: string, input: object, headers = asPrincipal(UNION, COORDINATOR)) => {
      const { body } = await union.query(query, { input }, headers);
      expect(body.errors).toBeUndefined();
      return Object.values(body.data as Record<string, any>)[0];
    };
    const hr = asPrincipal(HR_BUREAU, COORDINATOR);
    ({ id } = await ok(mutation('scheduleJointMeeting', 'ScheduleJointMeetingInput'), {
      kind: 'AD_HOC',
      scheduledAt: `${today}T01:30:00.000Z`,
      place: '职工服务中心二楼会议室',
      participatingDepartments: [UNION, HR_BUREAU],
      participants: [],
    }));
    await ok(
      mutation('addAgendaItem', 'AddAgendaItemInput'),
      { meetingId: id, version: 1, enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears, reason: '红色欠薪预警' },
      hr,
    );
    await ok(mutation('startJointMeeting', 'JointMeetingVersionInput'), { meetingId: id, version: 2 });
    const decided = await ok(mutation('recordDecision', 'RecordDecisionInput'), {
      meetingId: id,
      version: 3,
      summary: '联合约谈',
      leadDepartment: HR_BUREAU,
      participatingDepartments: [UNION],
      dueOn: addDays(today, 7),
    });
    await ok(
      mutation('recordFollowUp', 'RecordFollowUpInput'),
      { meetingId: id, version: 4, decisionId: decided.decisions[0].id, on: today, note: '已约谈', result: '仍在推进' },
      hr,
    );
    await ok(mutation('closeJointMeeting', 'CloseJointMeetingInput'), { meetingId: id, version: 5, minutes: '会议议定联合约谈。' });
  }, 120_000);

  it.each([
    ['a COORDINATOR of the convening department', asPrincipal(UNION, COORDINATOR)],
    ['a CASEWORKER of a participating department', asPrincipal(HR_BUREAU, CASEWORKER)],
    ['a SERVICE principal of a participating department', asPrincipal(HR_BUREAU, SERVICE)],
  ])('lets %s read minutes, agenda reasons, decision summaries and follow-ups', async (_who, headers) => {
    const { body } = await union.query(RECORD, { id }, headers);
    expect(body).toEqual({ data: { jointMeeting: FULL } });
  });

  it.each([
    ['a CASEWORKER of a department that does not take part', asPrincipal(COURT, CASEWORKER)],
    ['a COORDINATOR of a department that does not take part', asPrincipal(JUSTICE, COORDINATOR)],
    ['an ANALYST of a department that does not take part', asPrincipal(COURT, ANALYST)],
  ])('gives %s the public part, the texts null and FORBIDDEN at each', async (_who, headers) => {
    const { body } = await union.query(RECORD, { id }, headers);
    expect(body.data).toEqual({ jointMeeting: WITHHELD });
    expect(byPath(body.errors)).toEqual(
      byPath(forbidden((what) => `${what} of a joint meeting are for its participating departments`)).map(expect.objectContaining),
    );
  });

  it.each([
    ['an ANALYST of the convening department', asPrincipal(UNION, ANALYST)],
    ['an ANALYST of a participating department', asPrincipal(HR_BUREAU, ANALYST)],
  ])('gives %s the public part only: analysts read no case texts', async (_who, headers) => {
    const { body } = await union.query(RECORD, { id }, headers);
    expect(body.data).toEqual({ jointMeeting: WITHHELD });
    expect(byPath(body.errors)).toEqual(
      byPath(
        forbidden((what) => `${what} of a joint meeting are for its participating departments' staff; analysts read no case texts`),
      ).map(expect.objectContaining),
    );
  });
});
