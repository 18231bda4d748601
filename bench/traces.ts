/**
 * `npm run bench:traces`: what tracing costs per request. The real launcher (`npm start`: the compiled
 * services with the tracing preload) runs on a throwaway data directory and loopback ports, three times
 * with the same bounded load through the gateway (the enterprise dossier, four departments, a different
 * enterprise each request, as the union's COORDINATOR):
 *
 *   off        OTEL_SDK_DISABLED=true: no instrumentation, no spans, no trace context passed on
 *   no export  the default: server and client spans made and propagated (trace ids in the logs), sent
 *              nowhere (no SQL spans: nothing would read them)
 *   OTLP       OTEL_EXPORTER_OTLP_ENDPOINT at a collector stub on loopback in this process (it counts
 *              and drops what it is sent), every request sampled, SQL spans too
 *   OTLP 10%   the same with OTEL_TRACES_SAMPLER=parentbased_traceidratio, OTEL_TRACES_SAMPLER_ARG=0.1
 *
 * Printed side by side: requests per second, latency, each service's CPU ms per request (from
 * /proc/<pid>/stat), the services' resident memory after the load and the launch time, each against
 * `off` as a ratio.
 *
 *   npm run bench:traces
 *   BENCH_REQUESTS=400 BENCH_CONCURRENCY=4 npm run bench:traces   # the load (defaults)
 *
 * Loopback only, bounded in count; each launcher is stopped by its own pid with SIGINT and awaited.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { recoverStalePostmaster } from '../scripts/lib/postmaster-pid';
import { makeTempDir } from '@labour/testing/temp-dir';
import { percentile } from './support/load';
import { cpuMs, rssMiB, SERVICE_NAMES, startLauncher, stopLauncher, type ServiceName, type StartedLauncher } from './support/processes';
import { coordinatorHeaders, enterpriseCodes, freeLauncherPorts, loadDossiers } from './support/launcher-dossiers';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 400);
const WARMUP = Math.min(100, REQUESTS);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const SERVICES = SERVICE_NAMES;
type Service = ServiceName;

interface Variant {
  label: string;
  env: (collectorUrl: string) => NodeJS.ProcessEnv;
}

const VARIANTS: Variant[] = [
  { label: 'off', env: () => ({ OTEL_SDK_DISABLED: 'true' }) },
  { label: 'no export', env: () => ({}) },
  { label: 'OTLP', env: (collectorUrl) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl }) },
  {
    label: 'OTLP 10%',
    env: (collectorUrl) => ({
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    }),
  },
];

interface Run {
  label: string;
  rps: number;
  p50: number;
  p95: number;
  cpuPerRequest: Record<Service, number>;
  exports: number;
  exportedKiB: number;
  /** Launch to the gateway's banner, s. */
  startSeconds: number;
  /** Resident set of each service after the load, MiB. */
  rss: Record<Service, number>;
}

async function launch(extraEnv: NodeJS.ProcessEnv, dataDir: string, ports: Record<string, string>): Promise<StartedLauncher> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...ports, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NO_COLOR: '1' };
  for (const variable of Object.keys(env)) if (variable.startsWith('OTEL_')) delete env[variable];
  for (const variable of ['NODE_ENV', 'DEMO_DATA', 'DEMO_SCALE', 'AUTH_JWKS_PATH', 'AUTH_JWKS_URL', 'NODE_OPTIONS', 'SERVICE_RUNTIME'])
    delete env[variable];
  Object.assign(env, extraEnv);
  return startLauncher(env);
}

async function main(): Promise<void> {
  // The collector stub: answers every OTLP export with 200 and counts it.
  const collected = { exports: 0, bytes: 0 };
  const collector = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (collected.bytes += chunk.length));
    req.on('end', () => {
      collected.exports += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
  const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  const temp = makeTempDir('bench-traces');
  const dataDir = join(temp.path, 'data');
  const ports = await freeLauncherPorts();
  const url = `http://127.0.0.1:${ports['GATEWAY_PORT']}/graphql`;
  const runs: Run[] = [];
  try {
    process.stdout.write('first start on an empty data directory (initdb, migrations, demo data) …\n');
    await stopLauncher((await launch({ OTEL_SDK_DISABLED: 'true' }, dataDir, ports)).launcher);
    const headers = await coordinatorHeaders(dataDir, 'bench:traces');
    for (const variant of VARIANTS) {
      process.stdout.write(`${variant.label} …\n`);
      const { launcher, pids, startSeconds } = await launch(variant.env(collectorUrl), dataDir, ports);
      try {
        const codes = await enterpriseCodes(url, headers);
        await loadDossiers(url, headers, codes, WARMUP, CONCURRENCY);
        const before = { exports: collected.exports, bytes: collected.bytes };
        const cpuBefore = SERVICES.map((service) => cpuMs(pids[service]));
        const began = performance.now();
        const latencies = (await loadDossiers(url, headers, codes, REQUESTS, CONCURRENCY)).sort((a, b) => a - b);
        const seconds = (performance.now() - began) / 1000;
        const cpuPerRequest = Object.fromEntries(
          SERVICES.map((service, i) => [service, (cpuMs(pids[service]) - cpuBefore[i]!) / REQUESTS]),
        ) as Record<Service, number>;
        const rss = Object.fromEntries(SERVICES.map((service) => [service, rssMiB(pids[service])])) as Record<Service, number>;
        // The batch processor sends every 5 s: its last batches of the load go out on the way down.
        await stopLauncher(launcher);
        runs.push({
          label: variant.label,
          rps: REQUESTS / seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          cpuPerRequest,
          exports: collected.exports - before.exports,
          exportedKiB: (collected.bytes - before.bytes) / 1024,
          startSeconds,
          rss,
        });
      } finally {
        await stopLauncher(launcher);
      }
    }
  } finally {
    await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined).catch(() => undefined);
    temp.remove();
    collector.close();
  }
  process.stdout.write(`\n${table(runs)}\n`);
}

function table(runs: Run[]): string {
  const base = runs[0]!;
  const total = (run: Run) => SERVICES.reduce((sum, service) => sum + run.cpuPerRequest[service], 0);
  const cell = (value: string, ratio?: number) => `${value}${ratio === undefined ? '' : ` (${ratio.toFixed(2)}x)`}`.padStart(20);
  const lines = [
    `Tracing's cost: ${REQUESTS} dossier requests (after ${WARMUP} to warm up), ${CONCURRENCY} in flight, the same data directory; ratios against "${base.label}"`,
    '',
  ];
  lines.push(`${''.padEnd(22)}${runs.map((run) => run.label.padStart(20)).join('')}`);
  lines.push(
    `${'requests/s'.padEnd(22)}${runs.map((run) => cell(run.rps.toFixed(0), run === base ? undefined : run.rps / base.rps)).join('')}`,
  );
  lines.push(
    `${'latency p50 ms'.padEnd(22)}${runs.map((run) => cell(run.p50.toFixed(1), run === base ? undefined : run.p50 / base.p50)).join('')}`,
  );
  lines.push(
    `${'latency p95 ms'.padEnd(22)}${runs.map((run) => cell(run.p95.toFixed(1), run === base ? undefined : run.p95 / base.p95)).join('')}`,
  );
  for (const service of SERVICES) {
    lines.push(
      `${`CPU ms/req ${service}`.padEnd(22)}${runs.map((run) => cell(run.cpuPerRequest[service].toFixed(2), run === base ? undefined : run.cpuPerRequest[service] / base.cpuPerRequest[service])).join('')}`,
    );
  }
  lines.push(
    `${'CPU ms/req, all five'.padEnd(22)}${runs.map((run) => cell(total(run).toFixed(2), run === base ? undefined : total(run) / total(base))).join('')}`,
  );
  const totalRss = (run: Run) => SERVICES.reduce((sum, service) => sum + run.rss[service], 0);
  lines.push(
    `${'RSS MiB, all five'.padEnd(22)}${runs.map((run) => cell(totalRss(run).toFixed(0), run === base ? undefined : totalRss(run) / totalRss(base))).join('')}`,
  );
  lines.push(`${'start s (to banner)'.padEnd(22)}${runs.map((run) => cell(run.startSeconds.toFixed(1))).join('')}`);
  lines.push(`${'OTLP exports (KiB)'.padEnd(22)}${runs.map((run) => cell(`${run.exports} (${run.exportedKiB.toFixed(0)})`)).join('')}`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
