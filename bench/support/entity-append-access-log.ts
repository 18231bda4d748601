/**
 * The access log's INSERT as it was before it became one statement over a bound JSON parameter, kept
 * here only as a baseline of `npm run bench:permissions`: the chained rows made into entities and
 * written by MikroORM's `insertMany` (its unit of work, the array columns as literals, the parameters
 * inlined into the SQL text). Chained onto the head it wrote last, one batch at a time; when another
 * server of the bench appended meanwhile (they share the log), the unique `prev_hash` refuses the batch
 * and it reads the head and chains anew, as the service's writer does.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessLogEntry, canonicalEntryJson, GENESIS_HASH, type AccessLogSink, type NewAccessLogRow } from '@labour/shared';
import { createHash } from 'node:crypto';

async function entityAppend(em: EntityManager, rows: readonly NewAccessLogRow[], head: string): Promise<string> {
  const fork = em.fork();
  let prevHash = head;
  const chained = rows.map((row) => {
    const hash = createHash('sha256').update(prevHash).update(canonicalEntryJson(row)).digest('hex');
    const entry = { ...row, prevHash, hash };
    prevHash = hash;
    return entry;
  });
  const inserted = await fork.insertMany(AccessLogEntry, chained);
  chained.map((entry, index) => Object.assign(new AccessLogEntry(), entry, { id: String(inserted[index]) }));
  return prevHash;
}

/** The old INSERT as an access-log sink, on a service's root entity manager, one batch after the other. */
export function entityAppendSink(em: () => EntityManager): AccessLogSink {
  let queue: Promise<unknown> = Promise.resolve();
  let head: string | undefined;
  const readHead = async () =>
    (await em().fork().execute<Array<{ hash: string }>>('select "hash" from "access_log" order by "id" desc limit 1'))[0]?.hash ??
    GENESIS_HASH;
  return {
    append: (rows) => {
      const done = queue.then(async () => {
        try {
          head = await entityAppend(em(), rows, head ?? (await readHead()));
        } catch (error) {
          if (!(error instanceof UniqueConstraintViolationException)) throw error;
          head = await entityAppend(em(), rows, await readHead());
        }
      });
      queue = done.catch(() => undefined);
      return done;
    },
  };
}
