import { Department, Role } from '@labour/shared';
import { TEST_AS_OF, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';

const { HR_BUREAU, UNION } = Department;
const { COORDINATOR } = Role;
export const today = TEST_AS_OF;

/** A joint meeting as the tests read it, its mutations and its lookup. */
const MEETING = /* GraphQL */ `id version kind scheduledAt place convenedBy participatingDepartments status minutes
  participants { name department role }
  agenda { position subjectKind enterpriseCreditCode disputeNo topic raisedBy reason }
  decisions { summary leadDepartment participatingDepartments dueOn status overdue followUps { on by note result } }`;
const mutation = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${MEETING} } }`;
export const SCHEDULE = mutation('scheduleJointMeeting', 'ScheduleJointMeetingInput');
export const ADD_ITEM = mutation('addAgendaItem', 'AddAgendaItemInput');
export const REMOVE_ITEM = mutation('removeAgendaItem', 'RemoveAgendaItemInput');
export const START = mutation('startJointMeeting', 'JointMeetingVersionInput');
export const DECIDE = mutation('recordDecision', 'RecordDecisionInput');
export const FOLLOW_UP = mutation('recordFollowUp', 'RecordFollowUpInput');
export const CLOSE = mutation('closeJointMeeting', 'CloseJointMeetingInput');
export const LOOKUP = `query ($id: ID!) { jointMeeting(id: $id) { ${MEETING} } }`;

export const unionCoordinator = asPrincipal(UNION, COORDINATOR);
export const hrCoordinator = asPrincipal(HR_BUREAU, COORDINATOR);

/** The input of a meeting the union schedules today with the labour bureau (`extra` overrides). */
export const meetingInput = (extra: object = {}) => ({
  kind: 'AD_HOC',
  scheduledAt: `${today}T01:30:00.000Z`,
  place: '职工服务中心二楼会议室',
  participatingDepartments: [UNION, HR_BUREAU],
  participants: [
    { name: '刘建华', department: UNION, role: '主持人' },
    { name: '王志强', department: HR_BUREAU, role: '监察大队队长' },
  ],
  ...extra,
});

/**
 * The tests' calls on the union subgraph: `ok` posts an operation (as the union's coordinator unless `headers` say
 * otherwise), expects no errors and returns its one field; `schedule` schedules a meeting of `meetingInput(extra)`.
 */
export function meetingCalls(union: RunningSubgraph) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read GraphQL answers as untyped JSON
  async function ok<T = any>(query: string, variables: Record<string, unknown>, headers = unionCoordinator): Promise<T> {
    const { body } = await union.query(query, variables, headers);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data as Record<string, T>)[0]!;
  }

  const schedule = (extra: object = {}) => ok(SCHEDULE, { input: meetingInput(extra) });
  return { ok, schedule };
}
