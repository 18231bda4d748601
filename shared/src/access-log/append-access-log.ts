import type { LogContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
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

/** An entry as appended: what was hashed and the two hashes. */
export interface AppendedEntry {
  id: string;
  prevHash: string;
  hash: string;
}

/**
 * The INSERT of a batch. Its one parameter is a JSON array with one array per entry: the entry's canonical
 * JSON (`canonicalEntryJson`, the very text that was hashed, see there for the order) with `prevHash` and
 * `hash` appended. PostgreSQL takes the columns apart: no entity objects, no ORM unit of work, no array
 * literals or SQL text built per value, and what is stored is exactly what was hashed (JSON strings
 * carry every character as it is, or the database refuses the batch). Rows are inserted in the array's
 * order (`with ordinality … order by`), so ids follow the chain.
 */
const INSERT_BATCH = `insert into "access_log" ("at", "subject", "subject_name", "department", "roles", "operation_name", "purpose",
  "subject_keys", "fields", "channel_id", "outcome", "request_id", "prev_hash", "hash")
select (e->>0)::timestamptz, e->>1, e->>2, e->>3, array(select v from jsonb_array_elements_text(e->4) with ordinality a(v, i) order by i),
  e->>5, e->>6, array(select v from jsonb_array_elements_text(e->7) with ordinality a(v, i) order by i),
  array(select v from jsonb_array_elements_text(e->8) with ordinality a(v, i) order by i), e->>9, e->>10, e->>11, e->>12, e->>13
from jsonb_array_elements($1::jsonb) with ordinality r(e, n) order by n
returning "id"::text as "id"`;

/** A kysely connection as MikroORM holds it (pool or transaction); the one method used here. */
interface QueryRunner {
  executeQuery(query: { sql: string; parameters: readonly unknown[]; query: unknown; queryId: unknown }): Promise<{ rows: unknown[] }>;
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
 *
 * The statement goes through MikroORM's connection (its transaction when `em` is in one) with the batch
 * as a bound parameter, and is logged as MikroORM logs its own statements.
 */
export async function appendAccessLog(em: EntityManager, rows: readonly NewAccessLogRow[], head?: string): Promise<AppendedEntry[]> {
  if (rows.length === 0) return [];
  const start = head ?? (await readAccessLogHead(em.fork()));
  let prevHash = start;
  const hashes = new Array<string>(rows.length);
  let batch = '[';
  for (let index = 0; index < rows.length; index += 1) {
    const canonical = canonicalEntryJson(rows[index]!);
    const hash = entryHash(prevHash, canonical);
    // `[…contents]` becomes `[…contents,"prevHash","hash"]`: both are hex, nothing to escape.
    batch += `${index ? ',' : ''}${canonical.slice(0, -1)},"${prevHash}","${hash}"]`;
    hashes[index] = hash;
    prevHash = hash;
  }
  batch += ']';
  const runner = (em.getTransactionContext() ?? em.getConnection().getClient()) as unknown as QueryRunner;
  const logger = em.config.getLogger();
  const started = Date.now();
  let inserted: Array<{ id: string }>;
  try {
    const result = await runner.executeQuery({
      sql: INSERT_BATCH,
      parameters: [batch],
      query: { kind: 'RawNode', sqlFragments: [INSERT_BATCH], parameters: [] },
      queryId: { queryId: 'access-log-append' },
    });
    inserted = result.rows as Array<{ id: string }>;
  } catch (error) {
    logger.logQuery(withFormatted({ query: INSERT_BATCH, took: Date.now() - started, level: 'error' }, batch));
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === ACCESS_LOG_PREV_HASH_UNIQUE) throw new AccessLogHeadMoved(start);
    throw error;
  }
  logger.logQuery(withFormatted({ query: INSERT_BATCH, took: Date.now() - started, results: inserted.length, level: 'info' }, batch));
  let before = start;
  return inserted.map((row, index) => {
    const entry = { id: row.id, prevHash: before, hash: hashes[index]! };
    before = entry.hash;
    return entry;
  });
}

/**
 * The log context of the INSERT with the statement as PostgreSQL ran it, its parameter written in, as
 * MikroORM logs its own statements (`formatted`, what the SQL capture of `npm run bench:peers` replays):
 * a getter, so the text (as large as the batch) is made only when a logger reads it, never otherwise.
 */
function withFormatted(context: LogContext, batch: string): LogContext {
  return Object.defineProperty(context, 'formatted', {
    enumerable: true,
    // A function, not a string, as the replacement: the batch may hold `$&` or `$'`, which a string would expand.
    get: () => INSERT_BATCH.replace('$1::jsonb', () => `'${batch.replaceAll("'", "''")}'::jsonb`),
  });
}
