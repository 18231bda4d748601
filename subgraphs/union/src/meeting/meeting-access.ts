import { ForbiddenError, Role, type Department, type Principal } from '@labour/shared';

/**
 * Who may change a joint meeting: a COORDINATOR of one of its participating departments. Everyone
 * authenticated reads it; the texts of its record are for the participating departments (meeting-record.ts).
 */
export function assertMeetingCoordinator(principal: Principal | null, participating: readonly Department[], action: string): Principal {
  if (!principal || !principal.roles.includes(Role.COORDINATOR)) {
    throw new ForbiddenError(`Only a COORDINATOR may ${action} a joint meeting`);
  }
  if (!participating.includes(principal.department)) {
    throw new ForbiddenError(
      `Only a COORDINATOR of a participating department (${participating.join(', ')}) may ${action} this joint meeting`,
    );
  }
  return principal;
}

/**
 * Who settles a decision (marks it DONE or CANCELLED): a COORDINATOR of its lead department, which
 * answers for it, or of the convening department, which keeps the meeting's record. The other
 * participants follow it up without changing its state.
 */
export function assertMaySettle(caller: Principal, decision: { leadDepartment: Department }, meeting: { convenedBy: Department }): void {
  const settlers = [...new Set([decision.leadDepartment, meeting.convenedBy])];
  if (!caller.roles.includes(Role.COORDINATOR) || !settlers.includes(caller.department)) {
    throw new ForbiddenError(
      `Only a COORDINATOR of the lead department (${decision.leadDepartment}) or of the convening department (${meeting.convenedBy}) may settle this decision; others record follow-ups without decisionStatus`,
    );
  }
}
