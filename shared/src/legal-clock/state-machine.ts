import { BadUserInputError } from '../errors';

/** Allowed transitions of a case status: from each status, the statuses it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * Refuses a status change the process does not allow, naming both statuses and what is allowed,
 * e.g. `status cannot change from CLOSED to ACCEPTED (allowed from CLOSED: none)`.
 */
export function assertTransition<S extends string>(table: TransitionTable<S>, from: S, to: S, field = 'status'): void {
  const allowed = table[from];
  if (!allowed.includes(to)) {
    throw new BadUserInputError({
      field,
      rule: `cannot change from ${from} to ${to} (allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none'})`,
    });
  }
}
