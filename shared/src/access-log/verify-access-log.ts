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

/** One entry as the chain sees it: its id, its hashed contents as stored (canonical JSON), and its two hashes. */
export interface ChainLink {
  id: string;
  contents: string;
  prevHash: string;
  hash: string;
}

/** A head of the log another department witnessed (or refused), as the audit compares the log with it. */
export interface WitnessedPosition {
  /** The department that witnessed it. */
  witness: string;
  entries: number;
  lastHash: string;
  /** When the log's department signed it (ISO 8601). */
  signedAt: string;
  /** WITNESSED, or REFUSED (a rewrite the witness saw when it happened). */
  status: 'WITNESSED' | 'REFUSED';
  /** Why the witness refused it. */
  reason?: string | null;
}

/** Where the log contradicts what another department witnessed. */
export interface HeadContradiction {
  /** REWRITE: another hash at a witnessed count; TRUNCATION: fewer entries than witnessed; REFUSED: a witness refused a head. */
  kind: 'REWRITE' | 'TRUNCATION' | 'REFUSED';
  witness: string;
  entries: number;
  signedAt: string;
  message: string;
}

/** The chain check, and the log against the heads the other departments witnessed. */
export interface AccessLogAudit extends AccessLogVerification {
  /** Hash of the last entry (the genesis hash for an empty log). */
  lastHash: string;
  /** How many witnessed heads the log was compared with. */
  headsChecked: number;
  /** Every contradiction found, in log order (rewrites), then truncations, then refusals. */
  contradictions: HeadContradiction[];
}

/** One page of links after the id `after` ('0' for the start), in id order: the chain order. */
export type ChainPages = (after: string, limit: number) => Promise<ChainLink[]>;

/** Links per page: the verifier never holds more than one page. */
export const CHAIN_PAGE = 1000;

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

/** Reads links of the log from its database (the chain query of the subgraph, and the owner-role check). */
export function chainPagesOf(reader: AccessLogReader): ChainPages {
  const run = sqlRunner(reader);
  return async (after, limit) => {
    if (!/^\d{1,19}$/.test(after)) throw new Error(`not an entry id: ${after}`);
    const rows = (await run(
      `select "id"::text as "id", ${CONTENTS} as "contents", "prev_hash", "hash" from "access_log"
       where "access_log"."id" > ${after} order by "access_log"."id" limit ${Math.trunc(limit)}`,
    )) as Array<{ id: string; contents: string; prev_hash: string; hash: string }>;
    return rows.map((row) => ({ id: row.id, contents: row.contents, prevHash: row.prev_hash, hash: row.hash }));
  };
}

/**
 * Walks the access log in id order and checks every link: the first entry starts from the genesis hash,
 * each entry's `prevHash` is the hash of the entry before it, and each `hash` is the SHA-256 of
 * `prevHash` and the entry's contents as stored. Reports the first entry where that fails.
 *
 * With the heads other departments witnessed, it also checks that the log still passes through each of
 * them: the entry at each witnessed count must carry the witnessed hash (else the log was rewritten
 * and rehashed: a REWRITE), and the log must hold at least as many entries as the latest witnessed head
 * (else entries were cut off at the end: a TRUNCATION). A head a witness refused is reported too.
 *
 * What the chain alone shows: a changed entry (its hash no longer matches, or, if the hash was
 * recomputed too, the next entry's link breaks), an entry removed from the middle or the start, an entry
 * inserted out of line. What only the witnessed heads show: a chain recomputed after a change, and
 * entries cut off at the end. What nothing shows: a change to entries written after the last head the
 * others witnessed.
 */
export async function auditAccessLog(pages: ChainPages, witnessed: readonly WitnessedPosition[] = []): Promise<AccessLogAudit> {
  const kept = witnessed.filter((head) => head.status === 'WITNESSED');
  const byCount = new Map<number, WitnessedPosition[]>();
  for (const head of kept) byCount.set(head.entries, [...(byCount.get(head.entries) ?? []), head]);
  const contradictions: HeadContradiction[] = [];
  let broken: { id: string; reason: string } | null = null;
  let expectedPrev = GENESIS_HASH;
  let previousId: string | null = null;
  let position = 0;
  let after = '0';
  for (;;) {
    const links = await pages(after, CHAIN_PAGE);
    for (const link of links) {
      position += 1;
      if (!broken) {
        if (link.prevHash !== expectedPrev) {
          broken = {
            id: link.id,
            reason:
              previousId === null
                ? `it is the first entry but does not start from the genesis hash: entries before it were removed`
                : `its prevHash is not the hash of entry ${previousId}: entries between them were removed or added, or entry ${previousId} was changed and rehashed`,
          };
        } else if (entryHash(link.prevHash, JSON.stringify(JSON.parse(link.contents))) !== link.hash) {
          broken = { id: link.id, reason: 'its contents do not match its hash: the entry was changed after it was written' };
        }
      }
      for (const head of byCount.get(position) ?? []) {
        if (head.lastHash === link.hash) continue;
        contradictions.push({
          kind: 'REWRITE',
          witness: head.witness,
          entries: head.entries,
          signedAt: head.signedAt,
          message: `entry ${position} (id ${link.id}) has hash ${link.hash}, but ${head.witness} witnessed ${head.lastHash} for ${head.entries} entries (signed ${head.signedAt}): the log was rewritten up to there and rehashed`,
        });
      }
      expectedPrev = link.hash;
      previousId = link.id;
    }
    if (links.length < CHAIN_PAGE) break;
    after = links[links.length - 1]!.id;
  }
  for (const head of kept) {
    if (head.entries <= position) continue;
    contradictions.push({
      kind: 'TRUNCATION',
      witness: head.witness,
      entries: head.entries,
      signedAt: head.signedAt,
      message: `the log holds ${position} entries, but ${head.witness} witnessed ${head.entries} (signed ${head.signedAt}): entries at the end were removed`,
    });
  }
  for (const head of witnessed.filter((h) => h.status === 'REFUSED')) {
    contradictions.push({
      kind: 'REFUSED',
      witness: head.witness,
      entries: head.entries,
      signedAt: head.signedAt,
      message: `${head.witness} refused a head of ${head.entries} entries signed ${head.signedAt}: ${head.reason ?? 'a rewrite'}`,
    });
  }
  return {
    entries: position,
    firstBrokenId: broken?.id ?? null,
    reason: broken?.reason ?? null,
    lastHash: expectedPrev,
    headsChecked: kept.length,
    contradictions,
  };
}

/**
 * The chain alone, read from the database (the owner's role, or any role that may read the table): see
 * `auditAccessLog`. It cannot show a recomputed chain or a truncation; the witnessed heads can.
 */
export async function verifyAccessLog(reader: AccessLogReader): Promise<AccessLogVerification> {
  const { entries, firstBrokenId, reason } = await auditAccessLog(chainPagesOf(reader));
  return { entries, firstBrokenId, reason };
}
