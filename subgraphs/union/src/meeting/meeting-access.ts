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
    throw new ForbiddenError(`Only a COORDINATOR of a participating department (${participating.join(', ')}) may ${action} this joint meeting`);
  }
  return principal;
}
