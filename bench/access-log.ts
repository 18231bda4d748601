/**
 * What the access log costs cross-department reads: hr-bureau on a throwaway PostgreSQL with the demo
 * data, each request one worker fetched by personRef (`_entities`, as the gateway fetches it for another
 * department) by a UNION caseworker, with a channel granting `Worker.name`: two access-log rows per request
 * (name GRANTED, idNumber and phone MASKED), the smallest read that is logged, so the log's share shows.
 *
 * Three servers of the same subgraph on the same database, run one after the other at each concurrency,
 * the order rotating round by round so that drift hits all alike:
 * - log off:       nothing recorded, nothing written (the permission layer still decides and masks);
 * - old append:    each request in its own transaction behind one advisory lock (bench/support/legacy-append-access-log.ts);
 * - group commit:  the service's AccessLogWriter, as the subgraph runs now.
 * Both writing servers append to the same log, so the run ends by verifying that chain.
 *
 *   npm run bench:access-log     # BENCH_REQUESTS=600 per variant and concurrency, BENCH_CONCURRENCY=1,8,32,64,
 *                                # BENCH_WARMUP=50, BENCH_DURABLE=1 (fsync and synchronous_commit on, as in production)
 *
 * Loopback only: PostgreSQL and the servers listen on 127.0.0.1, the client runs in this process. The
 * PostgreSQL server it starts is stopped by its pid, and its directory removed, however the run ends.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import {
  createDepartmentSubgraph,
  Department,
  listen,
  NO_RECORDING,
  Role,
  staticGrantSource,
  verifyAccessLog,
  type DepartmentSubgraph,
} from '@labour/shared';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { accessibleTo, postgresOsIds } from '../scripts/lib/os-user';
import { findFreePort } from '../scripts/lib/ports';
import { hrBureauSubgraph } from '../subgraphs/hr-bureau/src/definition';
import { createTestDatabase } from '@labour/testing/databases';
import { TEST_AS_OF, TEST_CLOCK, TEST_LINKAGE_KEY, testLogger } from '@labour/testing/subgraph-harness';
import { TEST_AUTH, testToken } from '@labour/testing/tokens';
import { legacyAccessLogSink } from './support/legacy-append-access-log';
import { percentile } from './support/load';

const REQUESTS = bounded('BENCH_REQUESTS', 600, 1, 20_000);
const WARMUP = bounded('BENCH_WARMUP', 50, 0, 2_000);
const CONCURRENCIES = (process.env['BENCH_CONCURRENCY'] ?? '1,8,32,64')
  .split(',')
  .map((c) => boundedValue('BENCH_CONCURRENCY', Number(c), 1, 256));
const DURABLE = process.env['BENCH_DURABLE'] !== '0';
const ROUNDS = 3;

const CHANNEL = 'bench-names-to-union';
const WORKER = /* GraphQL */ `
  query WorkerFile($representations: [_Any!]!) { _entities(representations: $representations) { ... on Worker { personRef name idNumber phone } } }
`;

function boundedValue(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be whole numbers from ${min} to ${max}, not ${value}`);
  return value;
}
function bounded(name: string, fallback: number, min: number, max: number): number {
  return boundedValue(name, Number(process.env[name] ?? fallback), min, max);
}

interface Variant {
  name: string;
  url: string;
  /** Per concurrency: latencies (ms) and the time the runs took. */
  runs: Map<number, { latencies: number[]; elapsedMs: number }>;
}

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const logger = testLogger('bench-access-log');
  const ids = postgresOsIds(() => undefined);
  const dir = mkdtempSync(join(accessibleTo(ids, tmpdir()) ? tmpdir() : '/var/tmp', 'labour-bench-pg-'));
  chmodSync(dir, 0o755);
  const closers: Array<() => Promise<unknown>> = [];
  say(`starting a throwaway PostgreSQL (${DURABLE ? 'durable: fsync and synchronous_commit on' : 'fsync off'}) …`);
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: await findFreePort(),
    password: randomBytes(16).toString('hex'),
    binaryCopyDir: dir,
    ownProcessGroup: false,
    settings: DURABLE
      ? { max_connections: '100' }
      : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '100' },
  });
  say(`PostgreSQL pid ${pg.pid}`);
  try {
    process.env['TEST_PG_URL'] = pg.url('postgres');
    const database = await createTestDatabase('bench_access_log');
    closers.push(() => database.drop());
    const base = {
      databaseUrl: database.url,
      linkageKey: TEST_LINKAGE_KEY,
      auth: TEST_AUTH,
      grants: staticGrantSource({ UNION: { 'Worker.name': CHANNEL } }),
      clock: TEST_CLOCK,
    };
    const start = async (config: Partial<Parameters<typeof createDepartmentSubgraph>[1]>): Promise<DepartmentSubgraph> => {
      const subgraph = await createDepartmentSubgraph(hrBureauSubgraph, { ...base, ...config }, logger);
      closers.unshift(() => subgraph.stop());
      return subgraph;
    };
    const off = await start({ accessRecorder: () => NO_RECORDING });
    say('loading the demo data …');
    await off.prepare({ mode: 'if-empty', scale: 1, asOf: TEST_AS_OF });
    // The old path's sink needs the server's own ORM, which exists only once the server does.
    const old: DepartmentSubgraph = await start({ accessLog: legacyAccessLogSink(() => old.orm.em) });
    const current = await start({});
    const servers = await Promise.all([off, old, current].map((s) => listen(s.server.app, 0, '127.0.0.1')));
    for (const server of servers) closers.unshift(() => server.close());
    const variants: Variant[] = [
      { name: 'log off', url: servers[0]!.url, runs: new Map() },
      { name: 'old append (advisory lock)', url: servers[1]!.url, runs: new Map() },
      { name: 'group commit (now)', url: servers[2]!.url, runs: new Map() },
    ];

    const authorization = `Bearer ${testToken({ department: Department.UNION, roles: [Role.CASEWORKER], ttlSeconds: 3600 })}`;
    const own = `Bearer ${testToken({ department: Department.HR_BUREAU, roles: [Role.CASEWORKER], ttlSeconds: 3600 })}`;
    const agent = new Agent({ connections: Math.max(...CONCURRENCIES), pipelining: 1 });
    closers.unshift(() => agent.close());
    const post = async (url: string, body: string, auth = authorization) => {
      const response = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { 'content-type': 'application/json', authorization: auth },
      });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"'))
        throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { data: any };
    };

    // The workers of the file, read one at a time in turn.
    const page = await post(
      servers[0]!.url,
      JSON.stringify({ query: '{ enterprises(first: 100) { nodes { workers(first: 20) { personRef } } } }' }),
      own,
    );
    const refs = (page.data.enterprises.nodes as Array<{ workers: Array<{ personRef: string }> }>).flatMap((n) =>
      n.workers.map((w) => w.personRef),
    );
    if (refs.length < 50) throw new Error(`expected at least 50 workers in the demo data, found ${refs.length}`);
    const bodies = refs.map((personRef) =>
      JSON.stringify({ query: WORKER, variables: { representations: [{ __typename: 'Worker', personRef }] } }),
    );
    const sample = await post(servers[2]!.url, bodies[0]!);
    if (sample.data._entities[0].name === null || sample.data._entities[0].idNumber === refs[0])
      throw new Error('unexpected answer: the channel should grant the name');

    const entriesBefore = await verifyAccessLog(current.orm.em.fork());
    for (const variant of variants) for (let i = 0; i < WARMUP; i += 1) await post(variant.url, bodies[i % bodies.length]!);

    const perRound = Math.ceil(REQUESTS / ROUNDS);
    let sent = 0;
    for (const concurrency of CONCURRENCIES) {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let v = 0; v < variants.length; v += 1) {
          const variant = variants[(v + round) % variants.length]!;
          const run = variant.runs.get(concurrency) ?? { latencies: [], elapsedMs: 0 };
          variant.runs.set(concurrency, run);
          let next = 0;
          const started = performance.now();
          await Promise.all(
            Array.from({ length: concurrency }, async () => {
              while (next < perRound) {
                const body = bodies[(sent + next) % bodies.length]!;
                next += 1;
                const t0 = performance.now();
                await post(variant.url, body);
                run.latencies.push(performance.now() - t0);
              }
            }),
          );
          run.elapsedMs += performance.now() - started;
          sent += perRound;
        }
      }
    }

    const chain = await verifyAccessLog(current.orm.em.fork());
    say('');
    say(
      `hr-bureau, one Worker by personRef (_entities) as UNION CASEWORKER, 2 log rows a request; ${perRound * ROUNDS} requests per variant and concurrency ` +
        `after ${WARMUP} warm-up; PostgreSQL ${DURABLE ? 'durable (fsync on)' : 'fsync off'}; pool 10 connections per server; Node ${process.versions.node}, ${(await import('node:os')).cpus().length} CPUs`,
    );
    say(
      `${'concurrency'.padEnd(12)}${'variant'.padEnd(30)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'vs off'.padStart(9)}${'vs old'.padStart(9)}`,
    );
    for (const concurrency of CONCURRENCIES) {
      const rows = variants.map((variant) => {
        const run = variant.runs.get(concurrency)!;
        const sorted = [...run.latencies].sort((a, b) => a - b);
        return {
          name: variant.name,
          rps: (sorted.length / run.elapsedMs) * 1000,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
        };
      });
      for (const row of rows) {
        say(
          `${String(concurrency).padEnd(12)}${row.name.padEnd(30)}${row.rps.toFixed(0).padStart(10)}${row.p50.toFixed(1).padStart(9)}${row.p99.toFixed(1).padStart(9)}` +
            `${(row.rps / rows[0]!.rps).toFixed(2).padStart(8)}×${(row.rps / rows[1]!.rps).toFixed(2).padStart(8)}×`,
        );
      }
    }
    say('');
    say(
      `group-commit writer: ${current.accessLogWriter!.counts.requests} requests in ${current.accessLogWriter!.counts.batches} INSERTs, head re-read ${current.accessLogWriter!.counts.headReloads} times (the old path wrote in between)`,
    );
    say(
      `access log: ${chain.entries - entriesBefore.entries} entries written in the timed runs, ${chain.entries} in all, chain ${chain.firstBrokenId === null ? 'intact' : `BROKEN at ${chain.firstBrokenId}: ${chain.reason}`}`,
    );
    if (chain.firstBrokenId !== null) process.exitCode = 1;
  } finally {
    for (const close of closers) await close().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
