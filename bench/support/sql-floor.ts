import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DepartmentName } from '../../scripts/lib/services';
import { percentile } from './load';

/** The SQL one dossier ran in each department's database, in the order each department sent it. */
export type DossierStatements = Record<DepartmentName, string[]>;

/**
 * The statements of a stretch of a SQL_CAPTURE_FILE (JSON lines, see QueryCounter): those a request ran,
 * without the background ones (channel-table polling, log-head publishing), which belong to no request.
 */
export function capturedStatements(jsonLines: string): string[] {
  const statements: string[] = [];
  for (const line of jsonLines.split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line) as { sql: string; background?: boolean };
    if (!entry.background) statements.push(entry.sql);
  }
  return statements;
}

/**
 * A statement as replayed: the same, except an INSERT into the hash-chained access log, whose hashes (64
 * hex characters, quoted as SQL strings or as JSON strings inside its one JSON literal) are replaced by
 * fresh ones of the same length. Replayed as captured it would meet the
 * unique index on `prev_hash` (the original row is there) and fail early; with fresh hashes it costs what
 * the original did: the same row size, the same index work. The chain in this throwaway database breaks,
 * which nothing reads after the replay.
 */
export function replayable(sql: string): string {
  if (!/^\s*insert\s+into\s+"access_log"/i.test(sql)) return sql;
  return sql.replace(/(['"])[0-9a-f]{64}\1/g, (_, quote: string) => `${quote}${randomBytes(32).toString('hex')}${quote}`);
}

export interface ReplayResult {
  replayed: number;
  rps: number;
  p50: number;
  failed: number;
  firstFailure?: string;
}

/**
 * Replays captured dossiers straight through `pg`: each department's statements on one connection of that
 * department's pool (its own role and database), in order, the four departments at once, `connections`
 * dossiers in flight, dossier i+1 after dossier i. A failing statement (e.g. a replayed INSERT meeting a
 * unique index) is counted and the rest of that department's statements still run.
 */
export async function replayDossiers(
  urls: Readonly<Record<DepartmentName, string>>,
  dossiers: readonly DossierStatements[],
  options: { connections: number; durationMs: number; maxDossiers: number; warmup: number },
): Promise<ReplayResult> {
  if (dossiers.length === 0) throw new Error('replayDossiers: nothing captured');
  const names = Object.keys(urls) as DepartmentName[];
  // As large as a subgraph's own pool (MikroORM's default max of 10, create-orm.ts).
  const pools = new Map(names.map((name) => [name, new pg.Pool({ connectionString: urls[name], max: 10 })]));
  // An idle connection's error (the server stopping) is no replay's: without a listener it would end the process.
  for (const pool of pools.values()) pool.on('error', () => undefined);
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const replayOne = async (): Promise<void> => {
    const dossier = dossiers[next % dossiers.length]!;
    next += 1;
    await Promise.all(
      names.map(async (name) => {
        if (dossier[name].length === 0) return;
        const client = await pools.get(name)!.connect();
        try {
          for (const sql of dossier[name]) {
            try {
              await client.query(replayable(sql));
            } catch (error) {
              failed += 1;
              firstFailure ??= `${name}: ${(error as Error).message}: ${sql.slice(0, 120)}`;
              // A failed statement aborts an open transaction; the rest of it would fail too.
              if (/current transaction is aborted/.test((error as Error).message)) break;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
  };
  try {
    await Promise.all(
      Array.from({ length: options.connections }, async (_, worker) => {
        for (let i = worker; i < options.warmup; i += options.connections) await replayOne();
      }),
    );
    const latencies: number[] = [];
    let started = 0;
    const began = performance.now();
    const deadline = began + options.durationMs;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (started < options.maxDossiers && performance.now() < deadline) {
          started += 1;
          const t0 = performance.now();
          await replayOne();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = performance.now() - began;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      replayed: sorted.length,
      rps: (sorted.length / elapsed) * 1000,
      p50: percentile(sorted, 50),
      failed,
      ...(firstFailure ? { firstFailure } : {}),
    };
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
  }
}
