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
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Agent } from 'undici';
import pg from 'pg';
import { Department, Role } from '@labour/shared';
import { DEFAULT_AUDIENCE, mintToken } from '@labour/shared/auth';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import type { Databases } from '../scripts/lib/database-setup';
import { readDevIdpKey } from '../scripts/lib/dev-signing-key';
import { beginLaunch, buildServices, REPO_ROOT, startDatabases, type Launch } from '../scripts/lib/launcher-setup';
import { prepareServiceAuth, type ServiceAuthEnv } from '../scripts/lib/service-auth';
import { baseServiceEnv, DEPARTMENTS, GATEWAY, nodeArgs, type DepartmentName } from '../scripts/lib/services';
import { waitForReady } from '../scripts/lib/wait-ready';
import { answerDifferences, type GraphQLAnswer } from './support/compare-answers';
import { post, runLoad, type LoadResult, type RequestBody } from './support/load';
import { cpuMs, rssMiB, startProcess, stopAll, type BenchProcess } from './support/processes';
import { ENTERPRISE_DOSSIER, MEETING_VIEW } from './support/scenarios';
import { capturedStatements, replayDossiers, type DossierStatements } from './support/sql-floor';
import { makeTempDir } from '@labour/testing/temp-dir';
import { formatSummary, profileFile, readProfile, summariseProfile } from './support/top-frames';

const env = process.env;
const list = (value: string | undefined, all: readonly string[]): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [...all]);
const OPTIONS = {
  durationMs: Number(env['BENCH_DURATION_S'] ?? 8) * 1000,
  maxRequests: Number(env['BENCH_MAX_REQUESTS'] ?? 5000),
  warmup: Number(env['BENCH_WARMUP'] ?? 40),
  connections: Number(env['BENCH_CONNECTIONS'] ?? 8),
  floorDossiers: Number(env['BENCH_FLOOR_DOSSIERS'] ?? 100),
  sqlFloor: env['BENCH_SQL_FLOOR'] !== '0',
  portBase: Number(env['BENCH_PORT_BASE'] ?? 5300),
  rounds: Math.max(1, Number(env['BENCH_ROUNDS'] ?? 2)),
  cpuProf: env['BENCH_CPU_PROF'] ? resolve(REPO_ROOT, env['BENCH_CPU_PROF']) : undefined,
};
const GATEWAYS = ['stock', 'project', 'hive'] as const;
type GatewayName = (typeof GATEWAYS)[number];
const ROWS = ['meeting', 'one', 'rotating', 'callers', 'dossier'] as const;
type RowName = (typeof ROWS)[number];
const selectedGateways = list(env['BENCH_GATEWAYS'], GATEWAYS) as GatewayName[];
const selectedRows = list(env['BENCH_ROWS'], ROWS) as RowName[];
for (const name of selectedGateways) if (!GATEWAYS.includes(name)) throw new Error(`BENCH_GATEWAYS: "${name}" is not one of ${GATEWAYS.join(', ')}`);
for (const name of selectedRows) if (!ROWS.includes(name)) throw new Error(`BENCH_ROWS: "${name}" is not one of ${ROWS.join(', ')}`);

const GATEWAY_PORT = OPTIONS.portBase;
const DEPARTMENT_PORT: Record<DepartmentName, number> = { 'hr-bureau': GATEWAY_PORT + 1, union: GATEWAY_PORT + 2, court: GATEWAY_PORT + 3, justice: GATEWAY_PORT + 4 };
/** The three gateways run side by side, each on its own port, so that rounds can alternate between them. */
const gatewayPort = (name: GatewayName): number => GATEWAY_PORT + 5 + GATEWAYS.indexOf(name);
const gatewayUrl = (name: GatewayName): string => `http://127.0.0.1:${gatewayPort(name)}/graphql`;
const GATEWAY_URL = gatewayUrl('project');
const subgraphUrl = (name: DepartmentName): string => `http://127.0.0.1:${DEPARTMENT_PORT[name]}/graphql`;

const ONE_ENTERPRISE = /* GraphQL */ `
  query OneEnterprise($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name employeeCount wageArrearsAlerts { amountOwed } inspections { status } }
  }
`;

interface Row {
  name: RowName;
  title: string;
  bodies: RequestBody[];
  /** Headers per connection (a caller each); else every connection sends the one COORDINATOR's token. */
  headersOf?: (worker: number) => Record<string, string>;
}

interface Cell {
  result?: LoadResult;
  gatewayCpuMs?: number;
  subgraphCpuMs?: number;
  /** Why the row was not timed through this gateway. */
  refused?: string;
}

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

/** The launcher's settings for this run: a temp data dir and the bench's own ports, nothing from a developer's `.env`. */
function prepareEnvironment(dataDir: string): void {
  for (const department of DEPARTMENTS) delete env[`${department.envPrefix}_DATABASE_URL`];
  delete env['AUTH_JWKS_PATH'];
  delete env['AUTH_JWKS_URL'];
  Object.assign(env, {
    DATA_DIR: dataDir,
    PG_PORT: String(GATEWAY_PORT + 9),
    GATEWAY_PORT: String(GATEWAY_PORT),
    DEMO_SCALE: '1',
    DEMO_DATA: 'if-empty',
    LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn',
    ...Object.fromEntries(DEPARTMENTS.map((department) => [`${department.envPrefix}_PORT`, String(DEPARTMENT_PORT[department.name])])),
  });
}

function profArgs(name: string): string[] {
  if (!OPTIONS.cpuProf) return [];
  const dir = join(OPTIONS.cpuProf, name);
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir];
}

/** The four subgraphs as `npm start` starts them (scripts/start.ts), plus `extra` in each one's environment. */
async function startSubgraphs(launch: Launch, databases: Databases, auth: ServiceAuthEnv, extra: (name: DepartmentName) => NodeJS.ProcessEnv, profile: boolean): Promise<Map<DepartmentName, BenchProcess>> {
  const base = baseServiceEnv(env);
  const started = new Map<DepartmentName, BenchProcess>();
  for (const department of DEPARTMENTS) {
    const proc = startProcess(
      department.name,
      [...(profile ? profArgs(department.name) : []), ...nodeArgs(department, [], launch.config.serviceRuntime)],
      {
        ...base,
        ...auth.verifiers,
        ...auth.subgraph(department.name),
        PORT: String(DEPARTMENT_PORT[department.name]),
        DATABASE_URL: databases.urls[department.name],
        LINKAGE_KEY: databases.linkageKey,
        DEMO_DATA: 'if-empty',
        DEMO_SCALE: launch.config.demoScale,
        DEMO_AS_OF: launch.config.demoAsOf,
        ...Object.fromEntries(DEPARTMENTS.filter((peer) => peer !== department).map((peer) => [`${peer.envPrefix}_URL`, subgraphUrl(peer.name)])),
        ...extra(department.name),
      },
      launch.output,
      REPO_ROOT,
    );
    started.set(department.name, proc);
  }
  await Promise.all(
    DEPARTMENTS.map((department) => {
      const proc = started.get(department.name)!;
      const gone = new AbortController();
      void proc.exited.then(() => gone.abort(new Error(`${department.name} exited before it was ready`)));
      return waitForReady(`http://127.0.0.1:${DEPARTMENT_PORT[department.name]}/ready`, { timeoutMs: launch.config.readyTimeoutMs, signal: gone.signal });
    }),
  );
  return started;
}

/** The committed supergraph with the bench's subgraph ports (for the stock gateway and Hive). */
function writeSupergraph(dataDir: string): string {
  let sdl = readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  for (const department of DEPARTMENTS) {
    sdl = sdl.replace(`url: "http://127.0.0.1:${department.defaultPort}/graphql"`, `url: "${subgraphUrl(department.name)}"`);
  }
  for (const department of DEPARTMENTS) {
    if (!sdl.includes(subgraphUrl(department.name))) throw new Error(`gateway/supergraph.graphql: no join__graph url for ${department.name} at port ${department.defaultPort}`);
  }
  const path = join(dataDir, 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

/** A bench-only script: not in the build, run through the TypeScript loader. */
const BENCH_SCRIPT = (entry: string) => ({ entry, nodeFlags: [] });

function startGateway(name: GatewayName, launch: Launch, auth: ServiceAuthEnv, supergraph: string): BenchProcess {
  const base = { ...baseServiceEnv(env), ...auth.verifiers };
  switch (name) {
    case 'project':
      return startProcess(
        GATEWAY.name,
        [...profArgs('gateway'), ...nodeArgs(GATEWAY, [], launch.config.serviceRuntime)],
        {
          ...base,
          PORT: String(gatewayPort('project')),
          HR_BUREAU_URL: subgraphUrl('hr-bureau'),
          UNION_URL: subgraphUrl('union'),
          COURT_URL: subgraphUrl('court'),
          JUSTICE_URL: subgraphUrl('justice'),
        },
        launch.output,
        REPO_ROOT,
      );
    case 'stock':
      return startProcess(GATEWAY.name, nodeArgs(BENCH_SCRIPT('bench/support/stock-gateway.ts'), [supergraph, String(gatewayPort('stock'))], 'ts'), base, launch.output, REPO_ROOT);
    case 'hive':
      return startProcess(GATEWAY.name, nodeArgs(BENCH_SCRIPT('bench/support/hive-gateway.ts'), [supergraph, String(gatewayPort('hive'))], 'ts'), base, launch.output, REPO_ROOT);
  }
}

/** Ready when `{ __typename }` gets data through it: the three gateways have no common readiness URL. */
async function waitForGateway(proc: BenchProcess, url: string, authorization: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the ${proc.name} process exited before it answered`);
    try {
      const answer = (await post(url, { query: '{ __typename }' }, { authorization })) as GraphQLAnswer;
      if (answer.data) return;
      last = JSON.stringify(answer).slice(0, 200);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gateway on ${url} not answering after ${timeoutMs / 1000} s: ${last}`);
}

/** Every body of the row through the gateway, 8 at a time; the answers in the bodies' order. */
async function answersOf(url: string, bodies: readonly RequestBody[], headers: Record<string, string>): Promise<GraphQLAnswer[]> {
  const agent = new Agent({ connections: OPTIONS.connections });
  const answers: GraphQLAnswer[] = new Array(bodies.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: OPTIONS.connections }, async () => {
        while (next < bodies.length) {
          const index = next++;
          answers[index] = (await post(url, bodies[index]!, headers, agent)) as GraphQLAnswer;
        }
      }),
    );
  } finally {
    await agent.close();
  }
  return answers;
}

async function creditCodes(databases: Databases): Promise<string[]> {
  const client = new pg.Client({ connectionString: databases.urls['hr-bureau'] });
  await client.connect();
  try {
    const { rows } = await client.query<{ credit_code: string }>('select credit_code from enterprise order by credit_code');
    return rows.map((row) => row.credit_code);
  } finally {
    await client.end();
  }
}

/** A cell from its rounds: requests and CPU summed, p50 the median of the rounds' p50s, p99 the highest p99. */
function combineRounds(measured: Array<{ result: LoadResult; gatewayCpuMs: number; subgraphCpuMs: number }>): Cell {
  const requests = measured.reduce((sum, m) => sum + m.result.requests, 0);
  const elapsedMs = measured.reduce((sum, m) => sum + m.result.elapsedMs, 0);
  const p50s = measured.map((m) => m.result.p50).sort((a, b) => a - b);
  const middle = p50s.length / 2;
  const p50 = p50s.length % 2 ? p50s[Math.floor(middle)]! : (p50s[middle - 1]! + p50s[middle]!) / 2;
  return {
    result: { requests, elapsedMs, rps: (requests / elapsedMs) * 1000, p50, p99: Math.max(...measured.map((m) => m.result.p99)) },
    gatewayCpuMs: measured.reduce((sum, m) => sum + m.gatewayCpuMs, 0) / requests,
    subgraphCpuMs: measured.reduce((sum, m) => sum + m.subgraphCpuMs, 0) / requests,
  };
}

const fmt = (value: number | undefined, digits = 1): string => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));

function printTable(rows: Row[], cells: Map<string, Cell>, rss: Map<GatewayName, number>): void {
  say('');
  say(`${OPTIONS.connections} connections; ${OPTIONS.rounds} rounds per cell, alternating the gateways, each ${OPTIONS.durationMs / 1000} s or ${OPTIONS.maxRequests} requests after ${OPTIONS.warmup} warm-up; p50 the median of the rounds', p99 the highest; UNION COORDINATOR; demo data ×1; Node ${process.versions.node}`);
  say(`${'row'.padEnd(10)}${'gateway'.padEnd(9)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'gw CPU ms/req'.padStart(15)}${'subgraphs CPU ms/req'.padStart(22)}`);
  for (const row of rows) {
    for (const gateway of selectedGateways) {
      const cell = cells.get(`${row.name}/${gateway}`);
      if (!cell) continue;
      if (cell.refused) {
        say(`${row.name.padEnd(10)}${gateway.padEnd(9)}  not timed: ${cell.refused}`);
        continue;
      }
      const r = cell.result!;
      say(
        `${row.name.padEnd(10)}${gateway.padEnd(9)}${String(r.requests).padStart(9)}${fmt(r.rps).padStart(9)}${fmt(r.p50).padStart(9)}${fmt(r.p99).padStart(9)}` +
          `${fmt(cell.gatewayCpuMs, 2).padStart(15)}${fmt(cell.subgraphCpuMs, 2).padStart(22)}`,
      );
    }
  }
  say('');
  say(`${'row'.padEnd(10)}${'project/hive req/s'.padStart(20)}${'project/stock req/s'.padStart(21)}${'project/hive CPU'.padStart(18)}${'project/stock CPU'.padStart(19)}`);
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
  for (const row of rows) {
    const of = (gateway: GatewayName) => cells.get(`${row.name}/${gateway}`);
    const [project, hive, stock] = [of('project'), of('hive'), of('stock')];
    say(
      `${row.name.padEnd(10)}${ratio(project?.result?.rps, hive?.result?.rps).padStart(20)}${ratio(project?.result?.rps, stock?.result?.rps).padStart(21)}` +
        `${ratio(project?.gatewayCpuMs, hive?.gatewayCpuMs).padStart(18)}${ratio(project?.gatewayCpuMs, stock?.gatewayCpuMs).padStart(19)}`,
    );
  }
  say('');
  say(`gateway RSS after its rounds: ${[...rss].map(([gateway, mib]) => `${gateway} ${mib.toFixed(0)} MiB`).join(', ')}`);
}

function printProfiles(windows: Array<{ row: string; fromUs: number; toUs: number }>, names: string[]): void {
  if (!OPTIONS.cpuProf) return;
  for (const name of names) {
    let file: string;
    try {
      file = profileFile(join(OPTIONS.cpuProf, name));
    } catch (error) {
      say(`${name}: ${(error as Error).message}`);
      continue;
    }
    const profile = readProfile(file);
    const timed = summariseProfile(profile, 15, windows);
    say('');
    if (timed.profiledMs > 0) say(formatSummary(`${name} (${file}), timed parts of ${windows.map((w) => w.row).join(', ')}`, timed));
    // No sample within the timed parts: the profile's clock is not this machine's monotonic one after all.
    else say(formatSummary(`${name} (${file}), whole life (start-up included)`, summariseProfile(profile, 15)));
  }
}

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
    { name: 'one', title: 'one enterprise, 4 hr-bureau fields, identical', bodies: [{ query: ONE_ENTERPRISE, variables: { creditCode: STORY_ENTERPRISES.constructionArrears } }] },
    { name: 'rotating', title: 'one enterprise, 4 hr-bureau fields, a different one each', bodies: codes.map((creditCode) => ({ query: ONE_ENTERPRISE, variables: { creditCode } })) },
    {
      name: 'callers',
      title: 'the same, a different coordinator per connection',
      bodies: codes.map((creditCode) => ({ query: ONE_ENTERPRISE, variables: { creditCode } })),
      headersOf: (worker) => callerHeaders[worker % callerHeaders.length]!,
    },
    { name: 'dossier', title: 'enterprise dossier, a different enterprise each', bodies: codes.map((creditCode) => ({ query: ENTERPRISE_DOSSIER, variables: { creditCode } })) },
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
          const differing = answers.map((answer, i) => ({ i, diff: answerDifferences(expected[i]!, answer) })).filter((d) => d.diff.length > 0);
          if (differing.length > 0) {
            exitCode = 1;
            cells.set(`${row.name}/${gateway}`, { refused: `${differing.length} of ${row.bodies.length} answers differ from the stock gateway's` });
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
          (rounds.get(gateway) ?? rounds.set(gateway, []).get(gateway)!).push({ result, gatewayCpuMs: cpu1 - cpu0, subgraphCpuMs: sub1 - sub0 });
          say(`${gateway}, ${row.title}, round ${round + 1}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(1)} ms, gateway CPU ${((cpu1 - cpu0) / result.requests).toFixed(2)} ms/req`);
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
    say(`SQL floor: ${floor.dossiers} dossiers captured, ${floor.statementsPerDossier.toFixed(1)} statements each (${floor.perDepartment}); replayed through pg, ${OPTIONS.connections} in flight: ${floor.rps.toFixed(1)} dossiers/s (p50 ${floor.p50.toFixed(1)} ms)`);
    if (floor.failed > 0) say(`  ${floor.failed} replayed statements failed (e.g. ${floor.firstFailure})`);
    if (dossier) say(`dossier through the project's gateway: ${dossier.rps.toFixed(1)} req/s = ${((dossier.rps / floor.rps) * 100).toFixed(0)}% of the SQL floor`);
  }
  return exitCode;
}

/** Captures one dossier per enterprise (project gateway, subgraphs with SQL_CAPTURE_FILE) and replays their SQL. */
async function sqlFloor(launch: Launch, databases: Databases, auth: ServiceAuthEnv, supergraph: string, headers: Record<string, string>, codes: string[], dataDir: string) {
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
        Object.fromEntries(DEPARTMENTS.map((d) => [d.name, capturedStatements(readFileSync(captureFile(d.name)).subarray(before[d.name]!).toString('utf8'))])) as DossierStatements,
      );
    }
  } finally {
    await gateway.stop();
    await Promise.all([...subgraphs.values()].map((proc) => proc.stop()));
  }
  const perDepartment = DEPARTMENTS.map((d) => `${d.name} ${(dossiers.reduce((sum, x) => sum + x[d.name].length, 0) / dossiers.length).toFixed(1)}`).join(', ');
  const statementsPerDossier = dossiers.reduce((sum, x) => sum + DEPARTMENTS.reduce((s, d) => s + x[d.name].length, 0), 0) / dossiers.length;
  const replay = await replayDossiers(databases.urls, dossiers, { connections: OPTIONS.connections, durationMs: OPTIONS.durationMs, maxDossiers: OPTIONS.maxRequests, warmup: OPTIONS.warmup });
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
