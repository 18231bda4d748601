import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Department, Role, type Principal } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { LOG_READING_ROLES } from './access-log.service';
import type { SignedLogHead } from './log-head';
import { judgeLogHead, type WitnessDecision } from './witness-rules';
import { WitnessedHeadStatus, WitnessedLogHead } from './witnessed-log-head.entity';

/** Advisory lock key ('witn') of a witness's table; the second key is the department, so each is serialised on its own. */
const WITNESS_LOCK_KEY = 0x7769746e;
const DEPARTMENT_INDEX = Object.values(Department);

/**
 * Only a SERVICE of another department publishes its own head here: the head must speak for the
 * caller's department (its signature, checked before, says the same with the department's key).
 */
export function assertHeadPublisher(principal: Principal | null, witness: Department, head: { department: Department }): void {
  if (!principal) throw new UnauthenticatedError();
  if (!principal.roles.includes(Role.SERVICE))
    throw new ForbiddenError('Only a SERVICE of another department publishes its access-log head');
  if (principal.department === witness) throw new ForbiddenError(`${witness} does not witness its own access log`);
  if (head.department !== principal.department)
    throw new ForbiddenError(`A SERVICE of ${principal.department} publishes the head of its own log, not of ${head.department}`);
}

/**
 * Witnessed heads are counts and hashes their department published: the ADMIN and AUDITOR of the
 * witness, and of the department they describe, read them.
 */
export function assertHeadReader(principal: Principal | null, witness: Department, provider: Department): void {
  if (!principal) throw new UnauthenticatedError();
  const reader =
    principal.roles.some((role) => LOG_READING_ROLES.has(role)) && (principal.department === witness || principal.department === provider);
  if (!reader)
    throw new ForbiddenError(
      `Only an ADMIN or AUDITOR of ${witness} or ${provider} may read the heads of ${provider}'s access log that ${witness} witnessed`,
    );
}

/**
 * Applies the witness rules (`judgeLogHead`) to a verified head in one transaction, under a lock per
 * department, and keeps it when it is new (WITNESSED) or a rewrite (REFUSED, logged at error level).
 */
export async function witnessLogHead(em: EntityManager, head: SignedLogHead, receivedAt: Date, logger: Logger): Promise<WitnessDecision> {
  const decision = await em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${WITNESS_LOCK_KEY}, ${DEPARTMENT_INDEX.indexOf(head.department)})`);
    const mine = { provider: head.department, status: WitnessedHeadStatus.WITNESSED };
    const [latest] = await tx.find(WitnessedLogHead, mine, { orderBy: { entries: 'desc' }, limit: 1 });
    const atSameCount = await tx.findOne(WitnessedLogHead, { ...mine, entries: head.entries });
    const judged = judgeLogHead(head, { latest: latest ?? null, atSameCount });
    if (judged.outcome === 'WITNESSED' || judged.outcome === 'REFUSED') {
      tx.create(WitnessedLogHead, {
        provider: head.department,
        entries: head.entries,
        lastHash: head.lastHash,
        lastId: head.lastId,
        signedAt: head.signedAt,
        receivedAt,
        status: judged.outcome === 'WITNESSED' ? WitnessedHeadStatus.WITNESSED : WitnessedHeadStatus.REFUSED,
        reason: judged.outcome === 'REFUSED' ? judged.reason : null,
        signedHead: head.jws,
      });
    }
    return judged;
  });
  const facts = { provider: head.department, entries: head.entries, lastHash: head.lastHash, signedAt: head.signedAt.toISOString() };
  if (decision.outcome === 'REFUSED') {
    logger.error(
      { ...facts, reason: decision.reason },
      `ACCESS LOG REWRITTEN: ${head.department} published a head that contradicts one witnessed before (${decision.reason}); refused and kept as evidence`,
    );
  } else if (decision.outcome === 'STALE') {
    logger.warn({ ...facts, reason: decision.reason }, `stale access-log head of ${head.department} ignored`);
  }
  return decision;
}

/** The heads of `provider`'s log this department kept, oldest first, after the id `after`. */
export function listWitnessedHeads(
  em: EntityManager,
  provider: Department,
  first: number,
  after: string | null,
): Promise<WitnessedLogHead[]> {
  return em.find(WitnessedLogHead, { provider, ...(after ? { id: { $gt: after } } : {}) }, { orderBy: { id: 'asc' }, limit: first });
}
