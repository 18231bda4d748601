import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Department, Principal } from '../context';
import { Role } from '../context';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../errors';
import { decodeCursor, PAGE_BOUND, sizeWithin, toConnection, type Connection } from '../pagination';
import { AccessLogEntry, type AccessLogOutcome } from './access-log-entry.entity';

export interface AccessLogFilter {
  first: number;
  after?: string | null;
  since?: Date | null;
  department?: Department | null;
  outcome?: AccessLogOutcome | null;
  /** Only entries whose subject keys contain this key (a worker's personRef …). */
  subjectKey?: string | null;
}

/** The roles that read their own department's access log: its ADMIN, and its AUDITOR (read-only). */
export const LOG_READING_ROLES: ReadonlySet<Role> = new Set([Role.ADMIN, Role.AUDITOR]);

/**
 * A department's access log is read by that department's ADMIN or AUDITOR only. The entry fields are
 * PUBLIC (see `AccessLogEntry`), so this check, not the field rules, is what guards the log.
 */
export function assertOwnLogReader(principal: Principal | null, department: Department): void {
  if (!principal) throw new UnauthenticatedError();
  if (principal.department !== department || !principal.roles.some((role) => LOG_READING_ROLES.has(role))) {
    throw new ForbiddenError(`Only an ADMIN or AUDITOR of ${department} may read its access log`);
  }
}

/** One page of the log, newest first; `after` continues with older entries. */
export async function listAccessLog(em: EntityManager, filter: AccessLogFilter): Promise<Connection<AccessLogEntry>> {
  const first = sizeWithin(PAGE_BOUND, filter.first);
  const where: FilterQuery<AccessLogEntry>[] = [];
  if (filter.since) where.push({ at: { $gte: filter.since } });
  if (filter.department) where.push({ department: filter.department });
  if (filter.outcome) where.push({ outcome: filter.outcome });
  if (filter.subjectKey) where.push({ subjectKeys: { $contains: [filter.subjectKey] } });
  const matching: FilterQuery<AccessLogEntry> = { $and: where };
  const page: FilterQuery<AccessLogEntry>[] = [...where];
  if (filter.after) {
    const id = decodeCursor(filter.after);
    if (!/^[1-9]\d{0,18}$/.test(id)) throw new BadUserInputError({ field: 'after', rule: 'is not a cursor this list gave out' });
    page.push({ id: { $lt: id } });
  }
  const [rows, total] = await Promise.all([
    em.find(AccessLogEntry, { $and: page }, { orderBy: { id: 'desc' }, limit: first + 1 }),
    em.count(AccessLogEntry, matching),
  ]);
  return toConnection(rows, first, total, (entry) => entry.id);
}
