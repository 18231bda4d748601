import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessLogEntry } from './access-log-entry.entity';
import type { NewAccessLogRow } from './buffered-access-recorder';
import { canonicalEntryJson, entryHash, GENESIS_HASH } from './hash-chain';

/**
 * Key of the transaction-level advisory lock that serialises writers of the access log: `'acclog'` in
 * ASCII. Every database has its own log and its own lock space, so one constant serves all four.
 */
export const ACCESS_LOG_LOCK_KEY = 0x6163636c6f67;

/**
 * Appends rows to the access log, chained to the last entry: in one transaction, takes the advisory lock
 * (concurrent requests wait here, so no two entries claim the same predecessor), reads the last hash,
 * hashes each row onto the one before it, and inserts them all in ONE statement, whose ids follow the
 * row order (the chain order). Returns the entries written.
 */
export async function appendAccessLog(em: EntityManager, rows: readonly NewAccessLogRow[]): Promise<AccessLogEntry[]> {
  if (rows.length === 0) return [];
  return em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${ACCESS_LOG_LOCK_KEY})`);
    const last = await tx.execute<Array<{ hash: string }>>('select "hash" from "access_log" order by "id" desc limit 1');
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    const chained = rows.map((row) => {
      const hash = entryHash(prevHash, canonicalEntryJson(row));
      const entry = { ...row, prevHash, hash };
      prevHash = hash;
      return entry;
    });
    const inserted = await tx.insertMany(AccessLogEntry, chained);
    return chained.map((entry, index) => Object.assign(new AccessLogEntry(), entry, { id: String(inserted[index]) }));
  });
}
