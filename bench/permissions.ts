/**
 * What the permission layer costs a subgraph: hr-bureau on a throwaway PostgreSQL with the demo data,
 * `_entities` with 100 Enterprise representations asking PUBLIC, SHARED and PERSONAL fields, asked by
 * another department (UNION) with a channel for some of them, so that every path runs: shield's rules,
 * granted reads, masking, and an access-log entry per non-public field per record.
 *
 * Servers of one subgraph on the same database, requests interleaved round by round so that drift hits all alike:
 * - without:     the bare schema (token verification and everything else unchanged);
 * - with:        the schema behind applyPermissions, recording into memory (the layer alone);
 * - with + log:  as the subgraph runs, access log written by its group-commit writer;
 * - with + log, entity INSERT: the same, each batch written as before (MikroORM entities and `insertMany`,
 *                 bench/support/entity-append-access-log.ts), so that the INSERT's cost shows beside it;
 * - scoped + log: as the subgraph runs with the seed channels: each grant for the records of its scope
 *                 (one scope statement per type per request), access log written.
 *
 *   npm run bench:permissions            # BENCH_REQUESTS=300 BENCH_WARMUP=30 BENCH_CONCURRENCY=1
 *   BENCH_CPU_PROF=with npm run bench:permissions   # also profiles the variant whose name starts with `with`
 *
 * CPU: of this process (servers, their PostgreSQL driver, the client) and, on Linux, of the PostgreSQL
 * cluster (its postmaster and every process it started: the backends, autovacuum, the WAL writer), read
 * from /proc around each variant's rounds: what a variant costs PostgreSQL (the access log's INSERT, its
 * indexes) shows there and nowhere else. Both are CPU time, not stretched by the load of other processes;
 * work PostgreSQL does later in the background (autovacuum) is counted in the rounds it falls into.
 *
 * BENCH_CPU_PROF: the CPU profile of this process while that variant's requests run (client, server and
 * PostgreSQL driver share the process): the profiler runs through every variant's rounds (the same
 * sampling cost for all), the profile is written as bench-permissions.cpuprofile (open it in Chrome's
 * DevTools) and the samples of that variant's rounds summarised as the functions with the most self time.
 *
 * Loopback only: PostgreSQL and the servers listen on 127.0.0.1; the client runs in this process.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Agent, request } from 'undici';
import {
  createDepartmentGuard,
  logHeadKeysOf,
  createDepartmentSubgraph,
  DEFAULT_GUARD_SETTINGS,
  createSubgraphServer,
  createTokenVerifier,
  Department,
  listen,
  NO_RECORDING,
  Role,
  staticGrantSource,
  type AccessEntry,
  type DepartmentRequestContext,
  type DepartmentSubgraph,
  verifyAccessLog,
} from '@labour/shared';
import { hrBureauSubgraph } from '../subgraphs/hr-bureau/src/definition';
import type { HrLoaders } from '../subgraphs/hr-bureau/src/loaders';
import { createTestDatabase } from '@labour/testing/databases';
import { TEST_AS_OF, TEST_CLOCK, TEST_LINKAGE_KEY, testLogger } from '@labour/testing/subgraph-harness';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { TEST_AUTH, testToken } from '@labour/testing/tokens';
import { formatSummary, summariseProfile, type CpuProfile, type Window } from './support/top-frames';
import { entityAppendSink } from './support/entity-append-access-log';
import { percentile } from './support/load';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 30);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 1);
const ROUNDS = 5;
const CPU_PROF = process.env['BENCH_CPU_PROF'];

const CHANNEL = 'bench-channel';
const GRANTS = staticGrantSource({
  UNION: {
    'WageArrearsAlert.amountOwed': CHANNEL,
    'WageArrearsAlert.project': CHANNEL,
    'Worker.name': CHANNEL,
    'LayoffReport.placementPlan': CHANNEL,
  },
});

/** The same fields granted as the seed channels grant them: for the records of their scopes only. */
const ARREARS = { channelId: CHANNEL, scope: 'HR_OPEN_WAGE_ARREARS' };
const SCOPED_GRANTS = staticGrantSource({
  UNION: {
    'WageArrearsAlert.amountOwed': ARREARS,
    'WageArrearsAlert.project': ARREARS,
    'Worker.name': ARREARS,
    'LayoffReport.placementPlan': { channelId: CHANNEL, scope: 'HR_CURRENT_LAYOFFS' },
  },
});

const ENTITIES = /* GraphQL */ `
  query Bench($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Enterprise {
        creditCode name district employeeCount
        wageArrearsAlerts { alertNo level project amountOwed }
        layoffReports { reportNo plannedCount placementPlan }
        workers { personRef name idNumber phone }
      }
    }
  }
`;

interface Variant {
  name: string;
  url: string;
  latencies: number[];
  elapsedMs: number;
  /** CPU time of this process (servers, driver and client) while the variant ran, in ms: unlike requests/s, not stretched by other processes' load. */
  cpuMs: number;
  /** CPU time of the PostgreSQL cluster while the variant ran, in ms (null where /proc cannot tell). */
  pgCpuMs: number | null;
}

async function main(): Promise<void> {
  const logger = testLogger('bench');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('starting a throwaway PostgreSQL …');
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  const pgCpu = () => clusterCpuMs(cluster.server.pid);
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const database = await createTestDatabase('bench_hr');
    closers.push(() => database.drop());
    const config = { databaseUrl: database.url, linkageKey: TEST_LINKAGE_KEY, auth: TEST_AUTH, grants: GRANTS, clock: TEST_CLOCK };

    // The layer alone: entries kept in memory, as a recorder does before its one INSERT.
    let entries = 0;
    const inMemory = () => ({ record: (_entry: AccessEntry) => void (entries += 1) });
    const withLayer: DepartmentSubgraph = await createDepartmentSubgraph(hrBureauSubgraph, { ...config, accessRecorder: inMemory }, logger);
    closers.unshift(() => withLayer.stop());
    say('loading the demo data …');
    await withLayer.prepare({ mode: 'if-empty', scale: 1, asOf: TEST_AS_OF });
    const withLog = await createDepartmentSubgraph(hrBureauSubgraph, config, logger);
    closers.unshift(() => withLog.stop());
    const entityInsert: DepartmentSubgraph = await createDepartmentSubgraph(
      hrBureauSubgraph,
      { ...config, accessLog: entityAppendSink(() => entityInsert.orm.em) },
      logger,
    );
    closers.unshift(() => entityInsert.stop());
    const scoped = await createDepartmentSubgraph(hrBureauSubgraph, { ...config, grants: SCOPED_GRANTS }, logger);
    closers.unshift(() => scoped.stop());

    // The same subgraph without the layer: the schema as built, the same context, ORM and token check.
    const bare = await createSubgraphServer<DepartmentRequestContext<HrLoaders>>({
      schema: await hrBureauSubgraph.buildSchema(),
      logger,
      ready: () => withLayer.orm.isConnected(),
      verifyToken: createTokenVerifier(TEST_AUTH),
      buildContext: (base) => {
        const em = withLayer.orm.em.fork();
        return {
          ...base,
          em,
          loaders: hrBureauSubgraph.createLoaders(em),
          linkageKey: TEST_LINKAGE_KEY,
          access: NO_RECORDING,
          clock: TEST_CLOCK,
          today: TEST_CLOCK.today(),
          peerGuard: (department) => createDepartmentGuard(department, DEFAULT_GUARD_SETTINGS, logger),
          logHeadKeys: logHeadKeysOf(TEST_AUTH.jwks),
        };
      },
    });
    closers.unshift(() => bare.stop());

    const servers = await Promise.all(
      [bare.app, withLayer.server.app, withLog.server.app, scoped.server.app, entityInsert.server.app].map((app) =>
        listen(app, 0, '127.0.0.1'),
      ),
    );
    for (const server of servers) closers.unshift(() => server.close());
    const variants: Variant[] = [
      { name: 'without permissions', url: servers[0]!.url, latencies: [], elapsedMs: 0, cpuMs: 0, pgCpuMs: 0 },
      { name: 'with permissions', url: servers[1]!.url, latencies: [], elapsedMs: 0, cpuMs: 0, pgCpuMs: 0 },
      { name: 'with permissions + access log', url: servers[2]!.url, latencies: [], elapsedMs: 0, cpuMs: 0, pgCpuMs: 0 },
      { name: 'scoped grants + access log', url: servers[3]!.url, latencies: [], elapsedMs: 0, cpuMs: 0, pgCpuMs: 0 },
      { name: '+ log, entity INSERT (before)', url: servers[4]!.url, latencies: [], elapsedMs: 0, cpuMs: 0, pgCpuMs: 0 },
    ];

    const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
    closers.unshift(() => agent.close());
    const authorization = `Bearer ${testToken({ department: Department.UNION, roles: [Role.COORDINATOR], ttlSeconds: 3600 })}`;
    const send = async (url: string, body: string) => {
      const response = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { 'content-type': 'application/json', authorization },
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return text;
    };

    // 100 enterprises of the file, as the gateway would send them.
    const ownToken = `Bearer ${testToken({ department: Department.HR_BUREAU, roles: [Role.CASEWORKER] })}`;
    const page = await request(variants[1]!.url, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', authorization: ownToken },
      body: JSON.stringify({ query: '{ enterprises(first: 100) { nodes { creditCode } } }' }),
    });
    const nodes = ((await page.body.json()) as { data: { enterprises: { nodes: Array<{ creditCode: string }> } } }).data.enterprises.nodes;
    const representations = nodes.map((n) => ({ __typename: 'Enterprise', creditCode: n.creditCode }));
    if (representations.length !== 100) throw new Error(`expected 100 enterprises, found ${representations.length}`);
    const body = JSON.stringify({ query: ENTITIES, variables: { representations } });

    // The answers differ only where the layer masks: check that before timing anything.
    const [plain, guarded] = await Promise.all([send(variants[0]!.url, body), send(variants[1]!.url, body)]);
    const guardedResult = JSON.parse(guarded) as { errors?: unknown[]; data: unknown };
    if (guardedResult.errors) throw new Error(`the guarded answer has errors: ${JSON.stringify(guardedResult.errors).slice(0, 300)}`);
    entries = 0;
    await send(variants[1]!.url, body);
    const entriesPerRequest = entries;
    say(
      `answer: ${(plain.length / 1024).toFixed(0)} KiB without, ${(guarded.length / 1024).toFixed(0)} KiB with the layer; ${entriesPerRequest} access entries per request`,
    );

    for (const variant of variants) for (let i = 0; i < WARMUP; i += 1) await send(variant.url, body);

    const profiled = CPU_PROF ? variants.find((v) => v.name.startsWith(CPU_PROF)) : undefined;
    if (CPU_PROF && !profiled)
      throw new Error(`BENCH_CPU_PROF=${CPU_PROF}: no variant's name starts with that (${variants.map((v) => v.name).join(', ')})`);
    const profiler = profiled ? await startProfiler() : undefined;
    const windows: Window[] = [];

    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of variants) {
        const started = performance.now();
        const fromUs = Number(process.hrtime.bigint() / 1000n);
        const pgFrom = pgCpu();
        const cpu = process.cpuUsage();
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < perRound) {
              next += 1;
              const t0 = performance.now();
              await send(variant.url, body);
              variant.latencies.push(performance.now() - t0);
            }
          }),
        );
        variant.elapsedMs += performance.now() - started;
        const used = process.cpuUsage(cpu);
        variant.cpuMs += (used.user + used.system) / 1000;
        const pgTo = pgCpu();
        variant.pgCpuMs = variant.pgCpuMs === null || pgFrom === null || pgTo === null ? null : variant.pgCpuMs + (pgTo - pgFrom);
        if (variant === profiled) windows.push({ fromUs, toUs: Number(process.hrtime.bigint() / 1000n) });
      }
    }
    if (profiler) {
      const profile = await profiler.stop();
      writeFileSync('bench-permissions.cpuprofile', JSON.stringify(profile));
      say(
        formatSummary(
          `CPU profile of "${profiled!.name}" (bench-permissions.cpuprofile), its timed rounds`,
          summariseProfile(profile, 25, windows),
        ),
      );
    }

    // Three servers wrote to one log, the old INSERT among them: the chain must hold across all their entries.
    const chain = await verifyAccessLog(withLog.orm.em.fork());
    if (chain.firstBrokenId !== null) throw new Error(`the access log's chain is broken at entry ${chain.firstBrokenId}: ${chain.reason}`);
    say(`access log: ${chain.entries} entries, chain intact`);

    const rows = variants.map((v) => {
      const sorted = [...v.latencies].sort((a, b) => a - b);
      return {
        name: v.name,
        rps: (v.latencies.length / v.elapsedMs) * 1000,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        n: v.latencies.length,
        cpu: v.cpuMs / v.latencies.length,
        pg: v.pgCpuMs === null ? null : v.pgCpuMs / v.latencies.length,
      };
    });
    const base = rows[0]!;
    say('');
    say(
      `hr-bureau, _entities × 100 Enterprise, as UNION COORDINATOR; ${base.n} requests each after ${WARMUP} warm-up, concurrency ${CONCURRENCY}, Node ${process.versions.node}`,
    );
    say(
      `${'variant'.padEnd(32)}${'requests/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU ms/req'.padStart(12)}${'PG CPU ms/req'.padStart(15)}${'throughput'.padStart(12)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'CPU'.padStart(8)}${'PG CPU'.padStart(8)}`,
    );
    for (const row of rows) {
      say(
        `${row.name.padEnd(32)}${row.rps.toFixed(1).padStart(12)}${row.p50.toFixed(1).padStart(10)}${row.p99.toFixed(1).padStart(10)}${row.cpu.toFixed(1).padStart(12)}${(row.pg === null ? 'n/a' : row.pg.toFixed(1)).padStart(15)}` +
          `${(row.rps / base.rps).toFixed(2).padStart(11)}×${(row.p50 / base.p50).toFixed(2).padStart(7)}×${(row.p99 / base.p99).toFixed(2).padStart(7)}×${(row.cpu / base.cpu).toFixed(2).padStart(7)}×` +
          (row.pg === null || !base.pg ? '    n/a' : `${(row.pg / base.pg).toFixed(2).padStart(7)}×`),
      );
    }
    say(
      'CPU ms/req: this process (servers, their PostgreSQL driver, the client); PG CPU ms/req: the PostgreSQL cluster (backends and background processes).',
    );
    say('Both are CPU time, not stretched by the load of other processes as requests/s and latencies are.');
  } finally {
    for (const close of closers) await close().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
    await stopTestCluster(cluster);
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ), asked once. */
let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system, ms) of the process `root`, of every process whose parent it is, and of its
 * children that have ended, from /proc: the PostgreSQL cluster when `root` is its postmaster (all its
 * processes are its children, and it reaps them). Null off Linux.
 */
function clusterCpuMs(root: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return null;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid … utime stime: comm may hold spaces and parentheses, so count from its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === root) {
      // Its own time and that of its children which have ended (a backend whose connection closed).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } else if (Number(fields[1]) === root) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** The inspector's sampling profiler over the timed rounds of every variant, read back as one profile. */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    stop: async (): Promise<CpuProfile> => {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      session.disconnect();
      return profile;
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
