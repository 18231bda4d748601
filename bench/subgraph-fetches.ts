/**
 * `npm run bench:fetches`: the gateway with its subgraph fetches shared and merged (subgraph-fetches.ts)
 * against the same gateway sending each fetch on its own (as a stock @apollo/gateway does), side by side
 * in one run over the same four subgraphs on the demo data (scale 1): throughput and p50, alternated
 * (off, on, off, on) so that the machine's noise falls on both.
 *
 *   npm run bench:fetches   # BENCH_REQUESTS=200 BENCH_WARMUP=20 BENCH_CONCURRENCY=8 BENCH_ROUNDS=2
 *
 * Loopback only; every request count is bounded.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { listen } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { createGatewayServer } from '../gateway/src/create-gateway';
import { startStack } from '@labour/testing/stack';
import { testLogger } from '@labour/testing/subgraph-harness';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { TEST_AUTH } from '@labour/testing/tokens';
import { measure, type Measurement } from './support/measure';
import { SCENARIOS_AT_SCALE_1 } from './support/scenarios';

const OPTIONS = {
  requests: Number(process.env['BENCH_REQUESTS'] ?? 200),
  warmup: Number(process.env['BENCH_WARMUP'] ?? 20),
  concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 8),
};
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);

async function main(): Promise<void> {
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  const stack = await startStack({ demo: true });
  // A second gateway over the same subgraphs, each fetch its own HTTP request.
  const plain = await createGatewayServer(
    {
      supergraphPath: join(__dirname, '..', 'gateway', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries([...stack.subgraphs].map(([name, s]) => [name, s.url])),
      auth: TEST_AUTH,
    },
    testLogger('gateway-plain'),
    { share: false, merge: false },
  );
  const plainListening = await listen(plain.app, 0, '127.0.0.1');
  try {
    const scenarios = await SCENARIOS_AT_SCALE_1(stack);
    scenarios.push({
      ...scenarios[0]!,
      name: 'enterprise dossier, another enterprise',
      variables: { creditCode: STORY_ENTERPRISES.electronicsLayoff },
    });
    const rows: Array<{ name: string; off: Measurement[]; on: Measurement[] }> = scenarios.map((s) => ({ name: s.name, off: [], on: [] }));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, scenario] of scenarios.entries()) {
        rows[index]!.off.push(await measure(plainListening.url, scenario, OPTIONS));
        rows[index]!.on.push(await measure(stack.gatewayUrl, scenario, OPTIONS));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    process.stdout.write(
      `\nsubgraph fetches shared and merged (on) vs each fetch its own request (off); demo data ×1, ${OPTIONS.requests} identical requests each after ${OPTIONS.warmup} warm-up, ` +
        `${OPTIONS.concurrency} in flight, ${ROUNDS} rounds alternated, Node ${process.versions.node}\n`,
    );
    process.stdout.write(
      `${'scenario'.padEnd(48)}${'off req/s'.padStart(11)}${'on req/s'.padStart(10)}${'ratio'.padStart(7)}${'off p50'.padStart(9)}${'on p50'.padStart(8)}\n`,
    );
    for (const row of rows) {
      const off = row.off.map((m) => m.rps);
      const on = row.on.map((m) => m.rps);
      process.stdout.write(
        `${row.name.padEnd(48)}${off
          .map((v) => v.toFixed(1))
          .join('/')
          .padStart(11)}${on
          .map((v) => v.toFixed(1))
          .join('/')
          .padStart(10)}` +
          `${(median(on) / median(off)).toFixed(2).padStart(7)}${median(row.off.map((m) => m.p50))
            .toFixed(0)
            .padStart(9)}${median(row.on.map((m) => m.p50))
            .toFixed(0)
            .padStart(8)}\n`,
      );
    }
  } finally {
    await plainListening.close();
    await plain.stop();
    await stack.stop();
    await stopTestCluster(cluster);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
