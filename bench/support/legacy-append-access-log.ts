/**
 * The access log's write path as it was before the group-commit writer, kept here only as the bench's
 * baseline (`npm run bench:access-log`): every request in its own transaction, which takes one
 * database-wide advisory lock, reads the last hash, and inserts the request's rows. Concurrent requests
 * queue on the lock, each holding a pool connection while it waits.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessLogEntry, canonicalEntryJson, entryHash, GENESIS_HASH, type AccessLogSink, type NewAccessLogRow } from '@labour/shared';

/** `'acclog'` in ASCII: the key the old writers serialised on. */
const ACCESS_LOG_LOCK_KEY = 0x6163636c6f67;

async function legacyAppendAccessLog(em: EntityManager, rows: readonly NewAccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${ACCESS_LOG_LOCK_KEY})`);
    const last = await tx.execute<Array<{ hash: string }>>('select "hash" from "access_log" order by "id" desc limit 1');
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    const chained = rows.map((row) => {
      const hash = entryHash(prevHash, canonicalEntryJson(row));
      const entry = { ...row, prevHash, hash };
      prevHash = hash;
      return entry;
    });
    await tx.insertMany(AccessLogEntry, chained);
  });
}

/** The old path as an access-log sink, on a service's root entity manager. */
export function legacyAccessLogSink(em: () => EntityManager): AccessLogSink {
  return { append: (rows) => legacyAppendAccessLog(em(), rows) };
}
