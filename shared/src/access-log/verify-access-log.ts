import type { EntityManager } from '@mikro-orm/postgresql';
import { entryHash, GENESIS_HASH } from './hash-chain';

/** What the verifier can read through: a MikroORM entity manager, or a `pg` Client or Pool. */
export type AccessLogReader = EntityManager | { query(sql: string): Promise<{ rows: unknown[] }> };

export interface AccessLogVerification {
  /** How many entries the log holds. */
  entries: number;
  /** Id of the first entry whose link does not hold, or null when the chain is intact. */
  firstBrokenId: string | null;
  /** Why that entry breaks the chain; null when intact. */
  reason: string | null;
}

interface StoredRow {
  id: string;
  contents: string;
  prev_hash: string;
  hash: string;
}

const BATCH = 1000;

/**
 * The hashed contents as PostgreSQL stores them, as JSON text (not values the driver parsed: no driver
 * type conversion stands between the stored bytes and the hash). Same order as `canonicalEntryJson`,
 * the time with microseconds in UTC.
 */
const CONTENTS = `json_build_array(
  to_char("at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), "subject", "subject_name", "department", "roles",
  "operation_name", "purpose", "subject_keys", "fields", "channel_id", "outcome", "request_id")::text`;

function sqlRunner(reader: AccessLogReader): (sql: string) => Promise<unknown[]> {
  if ('getConnection' in reader) return (sql) => reader.execute(sql);
  return async (sql) => (await reader.query(sql)).rows;
}

/**
 * Walks the access log in id order and checks every link: the first entry starts from the genesis hash,
 * each entry's `prevHash` is the hash of the entry before it, and each `hash` is the SHA-256 of
 * `prevHash` and the entry's contents as stored. Reports the first entry where that fails.
 *
 * What it shows: a changed entry (its hash no longer matches, or, if the hash was recomputed too, the
 * next entry's link breaks), an entry removed from the middle or the start, an entry inserted out of
 * line. What no chain can show: entries cut off at the end, with nothing after them.
 */
export async function verifyAccessLog(reader: AccessLogReader): Promise<AccessLogVerification> {
  const run = sqlRunner(reader);
  const [counted] = (await run('select count(*)::text as "entries" from "access_log"')) as Array<{ entries: string }>;
  const entries = Number(counted?.entries ?? 0);
  let expectedPrev = GENESIS_HASH;
  let previousId: string | null = null;
  let after = '0';
  for (;;) {
    const rows = (await run(
      `select "id"::text as "id", ${CONTENTS} as "contents", "prev_hash", "hash" from "access_log"
       where "access_log"."id" > ${after} order by "access_log"."id" limit ${BATCH}`,
    )) as StoredRow[];
    for (const row of rows) {
      if (row.prev_hash !== expectedPrev) {
        const reason =
          previousId === null
            ? `it is the first entry but does not start from the genesis hash: entries before it were removed`
            : `its prevHash is not the hash of entry ${previousId}: entries between them were removed or added, or entry ${previousId} was changed and rehashed`;
        return { entries, firstBrokenId: row.id, reason };
      }
      const canonical = JSON.stringify(JSON.parse(row.contents));
      if (entryHash(row.prev_hash, canonical) !== row.hash) {
        return { entries, firstBrokenId: row.id, reason: 'its contents do not match its hash: the entry was changed after it was written' };
      }
      expectedPrev = row.hash;
      previousId = row.id;
    }
    if (rows.length < BATCH) return { entries, firstBrokenId: null, reason: null };
    after = rows[rows.length - 1]!.id;
  }
}
