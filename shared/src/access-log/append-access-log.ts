import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessLogEntry } from './access-log-entry.entity';
import type { NewAccessLogRow } from './buffered-access-recorder';
import { canonicalEntryJson, entryHash, GENESIS_HASH } from './hash-chain';

/** The unique constraint on `prev_hash` (see the access-log migrations): no two entries claim one predecessor. */
export const ACCESS_LOG_PREV_HASH_UNIQUE = 'access_log_prev_hash_unique';

/**
 * The head this append chained onto is no longer the last entry: another writer (another process on the
 * same database) appended in between, and the database refused the second claim on the same predecessor.
 * Nothing was written; read the head again and re-chain.
 */
export class AccessLogHeadMoved extends Error {
  constructor(readonly triedHead: string) {
    super(`the access log's head ${triedHead.slice(0, 12)}… was no longer its last entry: another writer appended first`);
    this.name = 'AccessLogHeadMoved';
  }
}

/** The hash of the last entry of the log (by id), or the genesis hash of an empty log. */
export async function readAccessLogHead(em: EntityManager): Promise<string> {
  const last = await em.execute<Array<{ hash: string }>>('select "hash" from "access_log" order by "id" desc limit 1');
  return last[0]?.hash ?? GENESIS_HASH;
}

/**
 * Appends rows to the access log, chained onto `head` (read from the table when not given): hashes each
 * row onto the one before it and inserts them all in ONE statement, whose ids follow the row order (the
 * chain order). One statement is atomic: all rows are written or none. Returns the entries written.
 *
 * No lock: the unique constraint on `prev_hash` is what keeps the chain a chain. When the head moved
 * (another writer appended after `head`), the first row's claim on it collides with that writer's entry,
 * the statement fails as a whole, and this throws `AccessLogHeadMoved`. A row can only be chained onto an
 * entry that is committed, and its id is drawn after that, so chain order and id order agree.
 */
export async function appendAccessLog(em: EntityManager, rows: readonly NewAccessLogRow[], head?: string): Promise<AccessLogEntry[]> {
  if (rows.length === 0) return [];
  const fork = em.fork();
  const start = head ?? (await readAccessLogHead(fork));
  let prevHash = start;
  const chained = rows.map((row) => {
    const hash = entryHash(prevHash, canonicalEntryJson(row));
    const entry = { ...row, prevHash, hash };
    prevHash = hash;
    return entry;
  });
  let inserted: unknown[];
  try {
    inserted = await fork.insertMany(AccessLogEntry, chained);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === ACCESS_LOG_PREV_HASH_UNIQUE) {
      throw new AccessLogHeadMoved(start);
    }
    throw error;
  }
  return chained.map((entry, index) => Object.assign(new AccessLogEntry(), entry, { id: String(inserted[index]) }));
}
