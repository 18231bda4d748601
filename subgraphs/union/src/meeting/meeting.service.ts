import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  addDays,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  insertOrConflict,
  sizeWithin,
  stepByStep,
  todayInChina,
  updateVersioned,
  type Principal,
  type TransitionTable,
  type Violation,
} from '@labour/shared';
import { AgendaItem, AgendaSubjectKind } from './agenda-item.entity';
import { Decision, DecisionStatus, FollowUp } from './decision.entity';
import { JointMeeting, MeetingStatus } from './joint-meeting.entity';
import { assertMaySettle, assertMeetingCoordinator } from './meeting-access';
import { JOINT_MEETINGS_BOUND, type JointMeetingsArgs } from './meeting.args';
import type {
  AddAgendaItemInput,
  CloseJointMeetingInput,
  JointMeetingVersionInput,
  RecordDecisionInput,
  RecordFollowUpInput,
  RemoveAgendaItemInput,
  ScheduleJointMeetingInput,
} from './meeting.input';

const { PLANNED, IN_SESSION, CLOSED } = MeetingStatus;

/** A meeting is prepared, held, and closed with its minutes; nothing reopens it. */
const MEETING_TRANSITIONS: TransitionTable<MeetingStatus> = stepByStep(PLANNED, IN_SESSION, CLOSED);

/** The day (China time) a meeting is held on: decisions and follow-ups cannot predate it. */
const meetingDay = (meeting: JointMeeting) => todayInChina(meeting.scheduledAt);

export function listJointMeetings(em: EntityManager, args: JointMeetingsArgs): Promise<JointMeeting[]> {
  const where: FilterQuery<JointMeeting>[] = [];
  if (args.from) where.push({ scheduledAt: { $gte: new Date(`${args.from}T00:00:00+08:00`) } });
  if (args.to) where.push({ scheduledAt: { $lt: new Date(`${addDays(args.to, 1)}T00:00:00+08:00`) } });
  if (args.status) where.push({ status: args.status });
  return em.find(JointMeeting, where.length ? { $and: where } : {}, {
    orderBy: { scheduledAt: 'asc', id: 'asc' },
    limit: sizeWithin(JOINT_MEETINGS_BOUND, args.first),
  });
}

function departmentViolations(participating: readonly string[], field: string, named: readonly string[]): Violation[] {
  return named
    .filter((d) => !participating.includes(d))
    .map((d) => ({ field, rule: `names ${d}, which does not take part in the meeting` }));
}

export async function scheduleJointMeeting(
  em: EntityManager,
  input: ScheduleJointMeetingInput,
  principal: Principal | null,
): Promise<JointMeeting> {
  const participating = input.participatingDepartments;
  // Who may schedule comes first: a caller who may not is told so, not what else is wrong.
  const caller = assertMeetingCoordinator(principal, participating, 'schedule');
  const violations: Violation[] = [];
  if (new Set(participating).size !== participating.length)
    violations.push({ field: 'participatingDepartments', rule: 'must not name a department twice' });
  input.participants.forEach((p, i) =>
    violations.push(...departmentViolations(participating, `participants[${i}].department`, [p.department])),
  );
  if (violations.length) throw new BadUserInputError(violations);
  const created = em.create(JointMeeting, {
    kind: input.kind,
    scheduledAt: input.scheduledAt,
    place: input.place.trim(),
    // The convening department is the caller's, as its token says: a coordinator cannot convene in another's name.
    convenedBy: caller.department,
    participatingDepartments: [...participating],
    participants: input.participants.map((p) => ({ name: p.name.trim(), department: p.department, role: p.role.trim() })),
  });
  return insertOrConflict(em, created, 'A joint meeting');
}

/**
 * Every change of a meeting, its agenda, decisions or follow-ups goes through the meeting's version:
 * two coordinators working from the same reading never overwrite each other. A change of a child row
 * touches the meeting so that its version moves too.
 */
async function changeMeeting(
  em: EntityManager,
  input: JointMeetingVersionInput,
  principal: Principal | null,
  action: string,
  apply: (meeting: JointMeeting, caller: Principal) => void | Promise<void>,
): Promise<JointMeeting> {
  const meeting = await em.findOneOrFail(JointMeeting, { id: input.meetingId });
  const caller = assertMeetingCoordinator(principal, meeting.participatingDepartments, action);
  return updateVersioned(
    em,
    meeting,
    input.version,
    async (found) => {
      await apply(found, caller);
      found.updatedAt = new Date();
    },
    `Joint meeting ${input.meetingId}`,
  );
}

function assertStatus(meeting: JointMeeting, allowed: readonly MeetingStatus[], what: string): void {
  if (!allowed.includes(meeting.status)) {
    throw new BadUserInputError({
      field: 'meetingId',
      rule: `is ${meeting.status}: ${what} only while the meeting is ${allowed.join(' or ')}`,
    });
  }
}

export function addAgendaItem(em: EntityManager, input: AddAgendaItemInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'change the agenda of', async (meeting, caller) => {
    assertStatus(meeting, [PLANNED, IN_SESSION], 'agenda items are added');
    const subjects = (['enterpriseCreditCode', 'disputeNo', 'topic'] as const).filter((k) => input[k] != null);
    if (subjects.length !== 1) {
      throw new BadUserInputError({
        field: 'enterpriseCreditCode',
        rule: 'exactly one of enterpriseCreditCode, disputeNo or topic must be given',
      });
    }
    const last = await em.findOne(AgendaItem, { meetingId: meeting.id }, { orderBy: { position: 'desc' } });
    em.create(AgendaItem, {
      meetingId: meeting.id,
      position: (last?.position ?? 0) + 1,
      subjectKind: input.enterpriseCreditCode
        ? AgendaSubjectKind.ENTERPRISE
        : input.disputeNo
          ? AgendaSubjectKind.DISPUTE
          : AgendaSubjectKind.TOPIC,
      enterpriseCreditCode: input.enterpriseCreditCode ?? null,
      disputeNo: input.disputeNo ?? null,
      topic: input.topic?.trim() ?? null,
      // The caller's department, as its token says (a participating one: changeMeeting checked).
      raisedBy: caller.department,
      reason: input.reason.trim(),
    });
  });
}

export function removeAgendaItem(em: EntityManager, input: RemoveAgendaItemInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'change the agenda of', async (meeting) => {
    assertStatus(meeting, [PLANNED, IN_SESSION], 'agenda items are removed');
    const item = await em.findOneOrFail(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id });
    em.remove(item);
  });
}

export function startJointMeeting(em: EntityManager, input: JointMeetingVersionInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'start', (meeting) => {
    assertTransition(MEETING_TRANSITIONS, meeting.status, IN_SESSION);
    meeting.status = IN_SESSION;
    meeting.startedAt = new Date();
  });
}

export function recordDecision(em: EntityManager, input: RecordDecisionInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'record decisions of', (meeting) => {
    assertStatus(meeting, [IN_SESSION], 'decisions are recorded');
    const violations = [
      ...departmentViolations(meeting.participatingDepartments, 'leadDepartment', [input.leadDepartment]),
      ...departmentViolations(meeting.participatingDepartments, 'participatingDepartments', input.participatingDepartments),
    ];
    if (input.participatingDepartments.includes(input.leadDepartment)) {
      violations.push({ field: 'participatingDepartments', rule: 'must not name the lead department' });
    }
    if (input.dueOn < meetingDay(meeting))
      violations.push({ field: 'dueOn', rule: `must not be earlier than the meeting day (${meetingDay(meeting)})` });
    if (violations.length) throw new BadUserInputError(violations);
    em.create(Decision, {
      meetingId: meeting.id,
      summary: input.summary.trim(),
      leadDepartment: input.leadDepartment,
      participatingDepartments: [...new Set(input.participatingDepartments)],
      dueOn: input.dueOn,
    });
  });
}

export function recordFollowUp(em: EntityManager, input: RecordFollowUpInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'follow up decisions of', async (meeting, caller) => {
    assertStatus(meeting, [IN_SESSION, CLOSED], 'decisions are followed up');
    const decision = await em.findOneOrFail(Decision, { id: input.decisionId, meetingId: meeting.id });
    assertNotBefore(input.on, meetingDay(meeting), 'on', 'the meeting day');
    if (input.decisionStatus != null && input.decisionStatus !== decision.status) {
      // Who may settle comes before whether the change is legal, as everywhere in the meeting.
      assertMaySettle(caller, decision, meeting);
      if (decision.status !== DecisionStatus.OPEN) {
        throw new BadUserInputError({
          field: 'decisionStatus',
          rule: `cannot change from ${decision.status} to ${input.decisionStatus} (allowed from ${decision.status}: none)`,
        });
      }
      decision.status = input.decisionStatus;
    }
    em.create(FollowUp, {
      decisionId: decision.id,
      on: input.on,
      by: caller.department,
      note: input.note.trim(),
      result: input.result.trim(),
    });
  });
}

export function closeJointMeeting(em: EntityManager, input: CloseJointMeetingInput, principal: Principal | null) {
  return changeMeeting(em, input, principal, 'close', (meeting) => {
    assertTransition(MEETING_TRANSITIONS, meeting.status, CLOSED);
    meeting.status = CLOSED;
    meeting.closedAt = new Date();
    meeting.minutes = input.minutes.trim();
  });
}
