import { ForbiddenError, Role, type Department, type Principal } from '@labour/shared';

/** Roles that write a department's records (the same set the permission layer lets through for writes). */
const WRITING_ROLES: ReadonlySet<Role> = new Set([Role.CASEWORKER, Role.SERVICE, Role.COORDINATOR, Role.ADMIN]);

function signedIn(principal: Principal | null): Principal {
  if (!principal) throw new ForbiddenError('Notices are for authenticated callers');
  return principal;
}

/** A writing role of `department`: the sender sends, the recipient acknowledges and answers. */
export function assertWriterOf(principal: Principal | null, department: Department, action: string): Principal {
  const caller = signedIn(principal);
  if (caller.department !== department || !caller.roles.some((role) => WRITING_ROLES.has(role))) {
    throw new ForbiddenError(`Only a writing role of ${department} may ${action} this notice`);
  }
  return caller;
}

/** A notice belongs to its sender and recipient: no other department reads it. */
export function assertParty(principal: Principal | null, notice: { sender: Department; recipient: Department }): Principal {
  const caller = signedIn(principal);
  if (caller.department !== notice.sender && caller.department !== notice.recipient) {
    throw new ForbiddenError(`A notice from ${notice.sender} to ${notice.recipient} is visible to those two departments only`);
  }
  return caller;
}

/** The department whose notices the caller may list. */
export function callerDepartment(principal: Principal | null): Department {
  return signedIn(principal).department;
}
