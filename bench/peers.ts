/**
 * `npm run bench:peers`: the project's gateway beside its peers, over the same four subgraphs, and the
 * dossier beside what its SQL alone costs.
 *
 * The four subgraphs run as separate processes on a throwaway data directory (a temp dir, deleted at the
 * end), the way `npm start` runs them, with demo data ×1, on loopback ports 5301-5304 (PostgreSQL 5309).
 * Then the three gateways, side by side, each its own process on its own port (5305-5307):
 *   stock    @apollo/gateway 2.14 + @apollo/server, forwarding only Authorization (bench/support/stock-gateway.ts)
 *   project  gateway/src/main.ts, with the environment the launcher gives it
 *   hive     Hive Gateway 2.15 runtime, defaults, forwarding Authorization and x-purpose (bench/support/hive-gateway.ts)
 * Rows, as a UNION COORDINATOR, 8 connections each:
 *   meeting      the planned joint meeting's merged view, identical requests
 *   one          one enterprise with 4 hr-bureau fields, identical requests
 *   rotating     the same, a different enterprise each request (all demo enterprises in turn)
 *   callers      the same as rotating, each connection another coordinator (its own token): nothing of
 *                one caller is merged or shared with another's
 *   dossier      the enterprise dossier (all four departments), a different enterprise each request
 * Before any timing, every distinct request of a row goes through the gateway and its answer is compared with
 * the stock gateway's (data, and errors' message + path + code; key order ignored): a gateway that answers
 * differently is not timed on that row, the difference is printed and the run ends with exit code 1.
 * Per row and gateway: req/s, p50, p99, the gateway's CPU ms per request (/proc/<pid>/stat, utime+stime over
 * the timed part) and the four subgraphs' together; each gateway's RSS after its rounds; ratios project/hive
 * and project/stock. Each cell is BENCH_ROUNDS rounds (2) and the rounds alternate the gateways, the order
 * reversed every other round, so that drift in the subgraphs (a growing access log, autovacuum, the machine's
 * other load) hits every gateway alike.
 *
 * The SQL floor: the subgraphs are restarted with SQL_CAPTURE_FILE, one dossier per enterprise is sent
 * through the project's gateway, and each department's statements of each dossier are replayed straight
 * through `pg` with the department's own role and database, as many dossiers in flight as the rows have:
 * "dossier req/s ÷ replayed dossiers/s" is the share of the floor the gateway reaches.
 *
 *   npm run bench:peers
 *   BENCH_ROUNDS=2 BENCH_DURATION_S=8 BENCH_MAX_REQUESTS=5000 BENCH_WARMUP=40 BENCH_CONNECTIONS=8
 *   BENCH_GATEWAYS=stock,project,hive BENCH_ROWS=meeting,one,rotating,callers,dossier BENCH_SQL_FLOOR=1
 *   BENCH_FLOOR_DOSSIERS=100 (dossiers captured)   BENCH_PORT_BASE=5300
 *   BENCH_CPU_PROF=<dir>   project gateway and subgraphs with --cpu-prof; top frames of the timed parts printed
 *
 * Loopback only; every run is bounded in time and count; every process started here is stopped by its pid.
 */
import 'reflect-metadata';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Department, Role } from '@labour/shared';
import { DEFAULT_AUDIENCE, mintToken } from '@labour/shared/auth';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import type { Databases } from '../scripts/lib/database-setup';
import { readDevIdpKey } from '../scripts/lib/dev-signing-key';
import { beginLaunch, buildServices, startDatabases, type Launch } from '../scripts/lib/launcher-setup';
import { prepareServiceAuth, type ServiceAuthEnv } from '../scripts/lib/service-auth';
import { DEPARTMENTS, type DepartmentName } from '../scripts/lib/services';
import { answerDifferences, type GraphQLAnswer } from './support/compare-answers';
import { post, runLoad, type LoadResult } from './support/load';
import { combineRounds, printProfiles, printTable } from './support/peers-report';
import {
  env,
  GATEWAY_URL,
  GATEWAYS,
  gatewayUrl,
  OPTIONS,
  say,
  selectedGateways,
  selectedRows,
  type Cell,
  type GatewayName,
  type Row,
  type RowName,
} from './support/peers-options';
import {
  answersOf,
  creditCodes,
  prepareEnvironment,
  startGateway,
  startSubgraphs,
  waitForGateway,
  writeSupergraph,
} from './support/peers-start';
import { cpuMs, rssMiB, stopAll, type BenchProcess } from './support/processes';
import { ENTERPRISE_DOSSIER, MEETING_VIEW } from './support/scenarios';
import { capturedStatements, replayDossiers, type DossierStatements } from './support/sql-floor';
import { makeTempDir } from '@labour/testing/temp-dir';

const ONE_ENTERPRISE = /* GraphQL */ `
  query OneEnterprise($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name employeeCount wageArrearsAlerts { amountOwed } inspections { status } }
  }
`;

async function main(launch: Launch, dataDir: string): Promise<number> {
  let exitCode = 0;
  const [databases] = await Promise.all([startDatabases(launch), buildServices(launch)]);
  // After PostgreSQL's stop hook, so it runs before it (hooks run newest first).
  launch.supervisor.onShutdown(stopAll);
  const auth = await prepareServiceAuth(launch.config, launch.log);
  const token = await mintToken(readDevIdpKey(dataDir, Department.UNION), {
    sub: 'bench-peers',
    name: '联席会议协调员',
    department: Department.UNION,
    roles: [Role.COORDINATOR],
    aud: env['AUTH_AUDIENCE'] || DEFAULT_AUDIENCE,
    ttlSeconds: 3600,
  });
  const headers = { authorization: `Bearer ${token}` };
  // One coordinator per connection for the `callers` row: the same role, each with their own token.
  const callerHeaders = await Promise.all(
    Array.from({ length: OPTIONS.connections }, async (_, i) => ({
      authorization: `Bearer ${await mintToken(readDevIdpKey(dataDir, Department.UNION), {
        sub: `bench-peers-caller-${i}`,
        name: `联席会议协调员${i}`,
        department: Department.UNION,
        roles: [Role.COORDINATOR],
        aud: env['AUTH_AUDIENCE'] || DEFAULT_AUDIENCE,
        ttlSeconds: 3600,
      })}`,
    })),
  );
  say('starting the four subgraphs (demo data ×1) …');
  let subgraphs = await startSubgraphs(launch, databases, auth, () => ({}), false);
  if (OPTIONS.cpuProf) {
    // Loaded once without the profiler: the profiles then show serving, not the demo data's generation.
    await Promise.all([...subgraphs.values()].map((proc) => proc.stop()));
    subgraphs = await startSubgraphs(launch, databases, auth, () => ({}), true);
  }
  const codes = await creditCodes(databases);
  say(`subgraphs ready; ${codes.length} enterprises`);
  const supergraph = writeSupergraph(dataDir);

  const allRows: Row[] = [
    { name: 'meeting', title: 'meeting view, identical', bodies: [{ query: MEETING_VIEW, variables: { id: DEMO_MEETING_IDS.planned } }] },
    {
      name: 'one',
      title: 'one enterprise, 4 hr-bureau fields, identical',
      bodies: [{ query: ONE_ENTERPRISE, variables: { creditCode: STORY_ENTERPRISES.constructionArrears } }],
    },
    {
      name: 'rotating',
      title: 'one enterprise, 4 hr-bureau fields, a different one each',
      bodies: codes.map((creditCode) => ({ query: ONE_ENTERPRISE, variables: { creditCode } })),
    },
    {
      name: 'callers',
      title: 'the same, a different coordinator per connection',
      bodies: codes.map((creditCode) => ({ query: ONE_ENTERPRISE, variables: { creditCode } })),
      headersOf: (worker) => callerHeaders[worker % callerHeaders.length]!,
    },
    {
      name: 'dossier',
      title: 'enterprise dossier, a different enterprise each',
      bodies: codes.map((creditCode) => ({ query: ENTERPRISE_DOSSIER, variables: { creditCode } })),
    },
  ];
  const rows = allRows.filter((row) => selectedRows.includes(row.name));
  const reference = new Map<RowName, GraphQLAnswer[]>();
  const cells = new Map<string, Cell>();
  const rss = new Map<GatewayName, number>();
  const windows: Array<{ row: string; fromUs: number; toUs: number }> = [];
  const subgraphCpu = (): number => [...subgraphs.values()].reduce((sum, proc) => sum + cpuMs(proc.pid), 0);
  // The stock gateway's answers are the reference: it runs first.
  const order = GATEWAYS.filter((name) => selectedGateways.includes(name));
  if (!order.includes('stock')) say('BENCH_GATEWAYS without stock: answers are not compared');

  say(`\nstarting ${order.join(', ')}, each on its own port`);
  const procs = new Map<GatewayName, BenchProcess>();
  try {
    for (const gateway of order) procs.set(gateway, startGateway(gateway, launch, auth, supergraph));
    for (const gateway of order) await waitForGateway(procs.get(gateway)!, gatewayUrl(gateway), headers.authorization, 120_000);
    for (const row of rows) {
      // Correctness first: every distinct request of the row, each gateway's answer beside the stock gateway's.
      const timed: GatewayName[] = [];
      for (const gateway of order) {
        const answers = await answersOf(gatewayUrl(gateway), row.bodies, headers);
        if (gateway === 'stock') {
          reference.set(row.name, answers);
        } else if (reference.has(row.name)) {
          const expected = reference.get(row.name)!;
          const differing = answers
            .map((answer, i) => ({ i, diff: answerDifferences(expected[i]!, answer) }))
            .filter((d) => d.diff.length > 0);
          if (differing.length > 0) {
            exitCode = 1;
            cells.set(`${row.name}/${gateway}`, {
              refused: `${differing.length} of ${row.bodies.length} answers differ from the stock gateway's`,
            });
            say(`${gateway}, ${row.title}: ${differing.length} of ${row.bodies.length} answers differ from the stock gateway's; first:`);
            for (const { i, diff } of differing.slice(0, 3)) {
              say(`  variables ${JSON.stringify(row.bodies[i]!.variables)}`);
              for (const line of diff) say(`    ${line}`);
            }
            continue;
          }
        }
        timed.push(gateway);
      }
      // Rounds alternate the gateways (the order reversed every other round), so that drift in the
      // subgraphs (a growing access log, autovacuum, the machine's other load) hits all of them alike.
      const rounds = new Map<GatewayName, Array<{ result: LoadResult; gatewayCpuMs: number; subgraphCpuMs: number }>>();
      for (let round = 0; round < OPTIONS.rounds; round += 1) {
        for (const gateway of round % 2 === 0 ? timed : [...timed].reverse()) {
          const proc = procs.get(gateway)!;
          let cpu0 = 0;
          let sub0 = 0;
          let cpu1 = 0;
          let sub1 = 0;
          let fromUs = 0;
          let toUs = 0;
          const result = await runLoad(gatewayUrl(gateway), row.bodies, {
            connections: OPTIONS.connections,
            durationMs: OPTIONS.durationMs,
            maxRequests: OPTIONS.maxRequests,
            warmup: OPTIONS.warmup,
            headers,
            ...(row.headersOf ? { headersOf: row.headersOf } : {}),
            onStart: () => {
              cpu0 = cpuMs(proc.pid);
              sub0 = subgraphCpu();
              fromUs = Number(process.hrtime.bigint() / 1000n);
            },
            onEnd: () => {
              cpu1 = cpuMs(proc.pid);
              sub1 = subgraphCpu();
              toUs = Number(process.hrtime.bigint() / 1000n);
            },
          });
          if (gateway === 'project') windows.push({ row: row.name, fromUs, toUs });
          (rounds.get(gateway) ?? rounds.set(gateway, []).get(gateway)!).push({
            result,
            gatewayCpuMs: cpu1 - cpu0,
            subgraphCpuMs: sub1 - sub0,
          });
          say(
            `${gateway}, ${row.title}, round ${round + 1}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(1)} ms, gateway CPU ${((cpu1 - cpu0) / result.requests).toFixed(2)} ms/req`,
          );
        }
      }
      for (const [gateway, measured] of rounds) cells.set(`${row.name}/${gateway}`, combineRounds(measured));
    }
    for (const [gateway, proc] of procs) rss.set(gateway, rssMiB(proc.pid));
  } finally {
    for (const proc of procs.values()) await proc.stop();
  }
  printTable(rows, cells, rss);
  say(`subgraph RSS after the rounds: ${[...subgraphs].map(([name, proc]) => `${name} ${rssMiB(proc.pid).toFixed(0)} MiB`).join(', ')}`);

  if (OPTIONS.cpuProf) {
    // The profiles are written when the processes exit.
    await Promise.all([...subgraphs.values()].map((proc) => proc.stop()));
    printProfiles(windows, ['gateway', ...DEPARTMENTS.map((department) => department.name)]);
  } else if (OPTIONS.sqlFloor && selectedRows.includes('dossier') && order.includes('project')) {
    const dossier = cells.get('dossier/project')?.result;
    await Promise.all([...subgraphs.values()].map((proc) => proc.stop()));
    const floor = await sqlFloor(launch, databases, auth, supergraph, headers, codes.slice(0, OPTIONS.floorDossiers), dataDir);
    say('');
    say(
      `SQL floor: ${floor.dossiers} dossiers captured, ${floor.statementsPerDossier.toFixed(1)} statements each (${floor.perDepartment}); replayed through pg, ${OPTIONS.connections} in flight: ${floor.rps.toFixed(1)} dossiers/s (p50 ${floor.p50.toFixed(1)} ms)`,
    );
    if (floor.failed > 0) say(`  ${floor.failed} replayed statements failed (e.g. ${floor.firstFailure})`);
    if (dossier)
      say(
        `dossier through the project's gateway: ${dossier.rps.toFixed(1)} req/s = ${((dossier.rps / floor.rps) * 100).toFixed(0)}% of the SQL floor`,
      );
  }
  return exitCode;
}

/** Captures one dossier per enterprise (project gateway, subgraphs with SQL_CAPTURE_FILE) and replays their SQL. */
async function sqlFloor(
  launch: Launch,
  databases: Databases,
  auth: ServiceAuthEnv,
  supergraph: string,
  headers: Record<string, string>,
  codes: string[],
  dataDir: string,
) {
  say(`\nSQL floor: restarting the subgraphs with SQL_CAPTURE_FILE, capturing ${codes.length} dossiers …`);
  const captureFile = (name: DepartmentName): string => join(dataDir, `sql-${name}.jsonl`);
  for (const department of DEPARTMENTS) writeFileSync(captureFile(department.name), '');
  const subgraphs = await startSubgraphs(launch, databases, auth, (name) => ({ SQL_CAPTURE_FILE: captureFile(name) }), false);
  const gateway = startGateway('project', launch, auth, supergraph);
  const dossiers: DossierStatements[] = [];
  try {
    await waitForGateway(gateway, GATEWAY_URL, headers['authorization']!, 120_000);
    // Warm: channel caches read, first-request work done, so the capture holds what a dossier costs from then on.
    for (const creditCode of codes.slice(0, 20)) await post(GATEWAY_URL, { query: ENTERPRISE_DOSSIER, variables: { creditCode } }, headers);
    for (const creditCode of codes) {
      const before = Object.fromEntries(DEPARTMENTS.map((d) => [d.name, statSync(captureFile(d.name)).size]));
      await post(GATEWAY_URL, { query: ENTERPRISE_DOSSIER, variables: { creditCode } }, headers);
      // The access-log rows are committed before the answer leaves (the plugin awaits the writer), and each
      // statement is in the file when it has run: the bytes since `before` are this dossier's.
      dossiers.push(
        Object.fromEntries(
          DEPARTMENTS.map((d) => [
            d.name,
            capturedStatements(readFileSync(captureFile(d.name)).subarray(before[d.name]!).toString('utf8')),
          ]),
        ) as DossierStatements,
      );
    }
  } finally {
    await gateway.stop();
    await Promise.all([...subgraphs.values()].map((proc) => proc.stop()));
  }
  const perDepartment = DEPARTMENTS.map(
    (d) => `${d.name} ${(dossiers.reduce((sum, x) => sum + x[d.name].length, 0) / dossiers.length).toFixed(1)}`,
  ).join(', ');
  const statementsPerDossier =
    dossiers.reduce((sum, x) => sum + DEPARTMENTS.reduce((s, d) => s + x[d.name].length, 0), 0) / dossiers.length;
  const replay = await replayDossiers(databases.urls, dossiers, {
    connections: OPTIONS.connections,
    durationMs: OPTIONS.durationMs,
    maxDossiers: OPTIONS.maxRequests,
    warmup: OPTIONS.warmup,
  });
  return { dossiers: dossiers.length, statementsPerDossier, perDepartment, ...replay };
}

// The postgres OS user (running as root) must enter it.
const temp = makeTempDir('bench-peers');
const dataDir = temp.path;
prepareEnvironment(dataDir);
const launch = beginLaunch(130);
// Hooks run newest first: the bench's processes, PostgreSQL, and last the temp data dir.
launch.supervisor.onShutdown(() => temp.remove());
// Whatever fails later (e.g. an 'error' event nobody listens to) still stops everything and deletes the data dir.
process.on('uncaughtException', (error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  void launch.supervisor.shutdown(1);
});
main(launch, dataDir).then(
  (code) => launch.supervisor.shutdown(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return launch.supervisor.shutdown(1);
  },
);
