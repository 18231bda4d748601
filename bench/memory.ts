/**
 * `npm run bench:memory`: what each service process costs in memory, and how long `npm start` takes.
 * The real launcher runs on a throwaway data directory and loopback ports; once every service is ready it
 * reads each service's resident set (VmRSS of /proc/<pid>/status; the services are found as the
 * launcher's own children), sends a bounded load through the gateway (the enterprise dossier, a
 * different enterprise each request, as the union's COORDINATOR), and reads it again.
 *
 *   npm run bench:memory                          # the TypeScript loader (SERVICE_RUNTIME=ts), then the compiled build (dist/), side by side
 *   BENCH_RUNTIMES=dist npm run bench:memory      # one of them
 *   BENCH_REQUESTS=300 BENCH_CONCURRENCY=4        # the load (defaults)
 *
 * The first start of the data directory (initdb, migrations, the demo data) is measured on its own; then
 * each runtime starts on the prepared directory, as every later `npm start`, and is measured at rest and
 * after the load, with each service's CPU time per request during the load. Loopback only, bounded in
 * count; each launcher is stopped by its own pid with SIGINT and awaited.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { recoverStalePostmaster } from '../scripts/lib/postmaster-pid';
import { makeTempDir } from '@labour/testing/temp-dir';
import { cpuMs, rssMiB, SERVICE_NAMES, startLauncher, stopLauncher, type ServiceName, type StartedLauncher } from './support/processes';
import { coordinatorHeaders, enterpriseCodes, freeLauncherPorts, loadDossiers } from './support/launcher-dossiers';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const RUNTIMES = (process.env['BENCH_RUNTIMES'] ?? 'ts,dist').split(',').map((runtime) => runtime.trim());
const SERVICES = SERVICE_NAMES;
type Service = ServiceName;

interface Variant {
  /** As given in BENCH_RUNTIMES. */
  label: string;
  /** SERVICE_RUNTIME: `ts` or `dist`. */
  runtime: string;
}

interface Run {
  variant: Variant;
  /** Launch to the launcher's "gateway: http://…" line. */
  startSeconds: number;
  atRest: Record<Service, number>;
  afterLoad?: Record<Service, number>;
  rps?: number;
  /** CPU ms per request of each service during the load. */
  cpuPerRequest?: Record<Service, number>;
}

/** Each service's resident set now, MiB. */
const rssOf = (pids: Record<Service, number>) =>
  Object.fromEntries(SERVICES.map((service) => [service, rssMiB(pids[service])])) as Record<Service, number>;

/** Starts the launcher and waits for its "gateway: http://…" line. */
async function launch(variant: Variant, dataDir: string, ports: Record<string, string>): Promise<StartedLauncher> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    SERVICE_RUNTIME: variant.runtime,
  };
  for (const variable of ['NODE_ENV', 'DEMO_DATA', 'DEMO_SCALE', 'AUTH_JWKS_PATH', 'AUTH_JWKS_URL', 'NODE_OPTIONS']) delete env[variable];
  return startLauncher(env);
}

/** The bounded load: dossiers of a different enterprise each, CONCURRENCY in flight; requests per second. */
async function load(dataDir: string, gatewayPort: string): Promise<number> {
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;
  const headers = await coordinatorHeaders(dataDir, 'bench:memory');
  const codes = await enterpriseCodes(url, headers);
  const began = performance.now();
  await loadDossiers(url, headers, codes, REQUESTS, CONCURRENCY);
  return REQUESTS / ((performance.now() - began) / 1000);
}

/** At rest: after the start-up's garbage has had a moment to be collected. */
const SETTLE_MS = 3_000;

async function main(): Promise<void> {
  const variants: Variant[] = RUNTIMES.map((label) => ({ label, runtime: label }));
  const temp = makeTempDir('bench-memory');
  const dataDir = join(temp.path, 'data');
  const ports = await freeLauncherPorts();
  const runs: Run[] = [];
  let cold: Run | undefined;
  try {
    // The first start of a data directory: initdb, migrations, the demo data (each subgraph draws the world).
    process.stdout.write(`first start (${variants[0]!.label}) on an empty data directory …\n`);
    const first = await launch(variants[0]!, dataDir, ports);
    await sleep(SETTLE_MS);
    cold = { variant: variants[0]!, startSeconds: first.startSeconds, atRest: rssOf(first.pids) };
    await stopLauncher(first.launcher);
    // Then each variant on the prepared data directory, as every later `npm start`.
    for (const variant of variants) {
      process.stdout.write(`start (${variant.label}) …\n`);
      const launched = await launch(variant, dataDir, ports);
      try {
        await sleep(SETTLE_MS);
        const atRest = rssOf(launched.pids);
        const cpuBefore = SERVICES.map((service) => cpuMs(launched.pids[service]));
        const rps = await load(dataDir, ports['GATEWAY_PORT']!);
        const cpuPerRequest = Object.fromEntries(
          SERVICES.map((service, i) => [service, (cpuMs(launched.pids[service]) - cpuBefore[i]!) / REQUESTS]),
        ) as Record<Service, number>;
        runs.push({ variant, startSeconds: launched.startSeconds, atRest, afterLoad: rssOf(launched.pids), rps, cpuPerRequest });
      } finally {
        await stopLauncher(launched.launcher);
      }
    }
  } finally {
    await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined).catch(() => undefined);
    temp.remove();
  }
  process.stdout.write(`\n${table(cold, runs)}\n`);
}

function table(cold: Run | undefined, runs: Run[]): string {
  const mb = (value: number | undefined) => (value === undefined ? '' : value.toFixed(0)).padStart(5);
  const total = (record: Record<Service, number> | undefined) => record && SERVICES.reduce((sum, service) => sum + record[service], 0);
  const lines = [
    `RSS in MB (VmRSS), each service process; load: ${REQUESTS} dossiers, ${CONCURRENCY} in flight, a different enterprise each`,
    '',
  ];
  const columns = [
    ...(cold ? [{ title: `${cold.variant.label}, first start`, run: cold }] : []),
    ...runs.map((run) => ({ title: run.variant.label, run })),
  ];
  lines.push(`${''.padEnd(10)} ${columns.map((column) => column.title.padStart(18)).join('   ')}`);
  lines.push(`${'service'.padEnd(10)} ${columns.map(() => `${'rest'.padStart(11)}  after`).join('   ')}`);
  for (const service of [...SERVICES, 'total'] as const) {
    const cell = (run: Run) =>
      service === 'total'
        ? `${mb(total(run.atRest))}  ${mb(total(run.afterLoad))}`
        : `${mb(run.atRest[service])}  ${mb(run.afterLoad?.[service])}`;
    lines.push(`${service.padEnd(10)} ${columns.map((column) => cell(column.run).padStart(18)).join('   ')}`);
  }
  lines.push('', 'CPU ms per dossier request (user + system, during the load)');
  lines.push(`${'service'.padEnd(10)} ${runs.map((run) => run.variant.label.padStart(18)).join('   ')}`);
  for (const service of SERVICES)
    lines.push(
      `${service.padEnd(10)} ${runs.map((run) => (run.cpuPerRequest?.[service] ?? Number.NaN).toFixed(1).padStart(18)).join('   ')}`,
    );
  lines.push('');
  if (cold)
    lines.push(
      `first start (${cold.variant.label}): launch to "gateway: http://…" ${cold.startSeconds.toFixed(1)} s (initdb, migrations, demo data)`,
    );
  for (const run of runs)
    lines.push(
      `${run.variant.label}: launch to "gateway: http://…" ${run.startSeconds.toFixed(1)} s; dossier ${run.rps?.toFixed(0)} req/s`,
    );
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
