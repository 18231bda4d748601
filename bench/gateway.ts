/**
 * `npm run bench`: requests per second and p50/p99 latency through the real gateway, with real tokens,
 * over the four subgraphs on a throwaway PostgreSQL:
 * - the enterprise dossier and the joint meeting's merged view on the demo data (scale 1);
 * - the risk-ranked agenda suggestions on the ×20 demo data (11,200 enterprises);
 * - the dossier with a different enterprise each request at both scales, and the ratio of its p50s
 *   (×20 over ×1: what the data's growth costs one enterprise's dossier).
 *
 *   npm run bench        # BENCH_REQUESTS=200 BENCH_WARMUP=20 BENCH_CONCURRENCY=4 BENCH_LARGE_SCALE=20
 *
 * Loopback only; every request count is bounded. Machines here are shared: compare figures of one run.
 */
import 'reflect-metadata';
import { startStack, type RunningStack } from '@labour/testing/stack';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { measure, printMeasurements, type Measurement, type Scenario } from './support/measure';
import { SCENARIOS_AT_SCALE_1, SCENARIOS_AT_LARGE_SCALE } from './support/scenarios';

const OPTIONS = {
  requests: Number(process.env['BENCH_REQUESTS'] ?? 200),
  warmup: Number(process.env['BENCH_WARMUP'] ?? 20),
  concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 4),
};
const LARGE_SCALE = Number(process.env['BENCH_LARGE_SCALE'] ?? 20);

async function run(scale: number, scenarios: (stack: RunningStack, scale: number) => Promise<Scenario[]>): Promise<Measurement[]> {
  const began = performance.now();
  const stack = await startStack({ demo: true, scale });
  try {
    process.stdout.write(`scale ${scale}: four subgraphs and the gateway ready in ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
    const rows = [];
    // The gateway and the subgraphs run in this process: its CPU time per request is theirs together
    // (PostgreSQL's is not in it), less swayed than latency by other load on a shared machine.
    const cpuPerRequest: string[] = [];
    for (const scenario of await scenarios(stack, scale)) {
      const before = process.cpuUsage();
      rows.push(await measure(stack.gatewayUrl, scenario, OPTIONS));
      const used = process.cpuUsage(before);
      cpuPerRequest.push(`  ${scenario.name}: ${((used.user + used.system) / 1000 / (OPTIONS.requests + OPTIONS.warmup)).toFixed(1)} ms`);
    }
    printMeasurements(
      `through the gateway, demo data ×${scale}; ${OPTIONS.requests} requests each after ${OPTIONS.warmup} warm-up, ${OPTIONS.concurrency} in flight, Node ${process.versions.node}`,
      rows,
    );
    process.stdout.write(`Node CPU per request (gateway + four subgraphs):\n${cpuPerRequest.join('\n')}\n`);
    return rows;
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  process.stdout.write('starting a throwaway PostgreSQL …\n');
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  try {
    const small = await run(1, SCENARIOS_AT_SCALE_1);
    const large = await run(LARGE_SCALE, SCENARIOS_AT_LARGE_SCALE);
    const dossier = (rows: Measurement[]) => rows.find((row) => row.name.startsWith('dossier ×'))!;
    const [atOne, atLarge] = [dossier(small), dossier(large)];
    process.stdout.write(
      `\ndossier, other enterprise each request: p50 ${atOne.p50.toFixed(1)} ms at ×1, ${atLarge.p50.toFixed(1)} ms at ×${LARGE_SCALE}: ` +
        `×${LARGE_SCALE}/×1 = ${(atLarge.p50 / atOne.p50).toFixed(2)}\n`,
    );
  } finally {
    await stopTestCluster(cluster);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
