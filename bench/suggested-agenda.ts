/**
 * `npm run bench:agenda`: requests per second and p50/p99 latency of `suggestedAgenda` through the real
 * gateway on the ×20 demo world (11,200 enterprises), with a UNION COORDINATOR's token. A throwaway
 * PostgreSQL (embedded, fsync off) holds the four subgraphs' databases; the four subgraphs and the gateway
 * run in this process on loopback. Before the load, each department's signal query is timed once on its
 * own, and the plans of their statements are checked for the date-window indexes.
 *
 *   npm run bench:agenda     # BENCH_REQUESTS=100 BENCH_WARMUP=10 BENCH_CONCURRENCY=4 BENCH_SCALE=20 BENCH_LIMIT=20
 *
 * Every request count is bounded. Machines here are shared: compare figures of one run.
 */
import 'reflect-metadata';
import { Department, Role } from '@labour/shared';
import { startStack } from '../test/support/stack';
import { TEST_AS_OF } from '../test/support/subgraph-harness';
import { startTestCluster, stopTestCluster } from '../test/support/test-cluster';
import { testToken } from '../test/support/tokens';
import { courtSignalStatement } from '../subgraphs/court/src/risk/risk.service';
import { hrBureauSignalStatement } from '../subgraphs/hr-bureau/src/risk/risk.service';
import { justiceSignalStatement } from '../subgraphs/justice/src/risk/risk.service';
import { unionSignalStatement } from '../subgraphs/union/src/risk/risk.service';
import { measure, printMeasurements } from './support/measure';

const OPTIONS = {
  requests: Math.min(Number(process.env['BENCH_REQUESTS'] ?? 100), 10_000),
  warmup: Math.min(Number(process.env['BENCH_WARMUP'] ?? 10), 1_000),
  concurrency: Math.min(Number(process.env['BENCH_CONCURRENCY'] ?? 4), 64),
};
const SCALE = Number(process.env['BENCH_SCALE'] ?? 20);
const LIMIT = Number(process.env['BENCH_LIMIT'] ?? 20);

const AGENDA = /* GraphQL */ `
  query SuggestedAgenda($limit: Int, $asOf: Date) {
    suggestedAgenda(limit: $limit, asOf: $asOf) {
      asOf missingSources
      items { enterprise { creditCode name district } score signals { source kind weight detail } }
    }
  }
`;

/** Each department's own signal query and the tables whose date index it should use. */
const SIGNAL_QUERIES = [
  { subgraph: 'hr-bureau', query: 'hrBureauRiskSignals', statement: hrBureauSignalStatement },
  { subgraph: 'union', query: 'unionRiskSignals', statement: unionSignalStatement },
  { subgraph: 'court', query: 'courtRiskSignals', statement: courtSignalStatement },
  { subgraph: 'justice', query: 'justiceRiskSignals', statement: justiceSignalStatement },
] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  say('starting a throwaway PostgreSQL …');
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  try {
    const began = performance.now();
    const stack = await startStack({ demo: true, scale: SCALE });
    try {
      say(`demo data ×${SCALE}: four subgraphs and the gateway ready in ${((performance.now() - began) / 1000).toFixed(1)} s`);
      const authorization = `Bearer ${testToken({ department: Department.UNION, roles: [Role.COORDINATOR], ttlSeconds: 3600 })}`;
      const since = new Date(Date.parse(`${TEST_AS_OF}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);

      // Each department on its own, once warmed: one statement each, and its time.
      for (const { subgraph, query, statement } of SIGNAL_QUERIES) {
        const running = stack.subgraphs.get(subgraph)!;
        const text = `query($since: Date!, $asOf: Date, $limit: Int) { ${query}(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail } }`;
        const variables = { since, asOf: TEST_AS_OF, limit: 100_000 };
        await running.query(text, variables, { authorization });
        running.subgraph.queries.reset();
        const t0 = performance.now();
        const result = await running.query<Record<string, unknown[]>>(text, variables, { authorization });
        const ms = performance.now() - t0;
        if (result.body.errors) throw new Error(`${query}: ${JSON.stringify(result.body.errors)}`);
        say(`${query.padEnd(24)} ${String(result.body.data![query]!.length).padStart(6)} signals  ${String(running.subgraph.queries.count).padStart(2)} statement(s)  ${ms.toFixed(1).padStart(7)} ms`);
        const { sql, params } = statement({ since, asOf: TEST_AS_OF });
        const plan = (await running.subgraph.orm.em.fork().execute<Array<{ 'QUERY PLAN': string }>>(`explain analyze ${sql}`, params)).map((row) => row['QUERY PLAN']).join('\n');
        say(`${''.padEnd(24)} SQL ${plan.match(/Execution Time: ([\d.]+) ms/)?.[1]} ms`);
        const indexes = [...new Set([...plan.matchAll(/Index (?:Only )?Scan (?:using|on) (\S+)/g)].map((m) => m[1]))];
        say(`${''.padEnd(24)} plan uses: ${indexes.length ? indexes.join(', ') : 'sequential scans only'}`);
      }

      // The gateway and the four subgraphs run in this process: its CPU time per request is theirs together
      // (PostgreSQL's is not in it), a figure less swayed than latency by other load on a shared machine.
      const cpuBefore = process.cpuUsage();
      const rows = [
        await measure(stack.gatewayUrl, { name: `suggestedAgenda(limit: ${LIMIT}) ×${SCALE}`, query: AGENDA, variables: { limit: LIMIT, asOf: TEST_AS_OF }, authorization }, OPTIONS),
      ];
      const cpu = process.cpuUsage(cpuBefore);
      say(`Node CPU (gateway + four subgraphs): ${((cpu.user + cpu.system) / 1000 / (OPTIONS.requests + OPTIONS.warmup)).toFixed(1)} ms per request; heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
      printMeasurements(
        `through the gateway, demo data ×${SCALE}; ${OPTIONS.requests} requests after ${OPTIONS.warmup} warm-up, ${OPTIONS.concurrency} in flight, Node ${process.versions.node}`,
        rows,
      );
    } finally {
      await stack.stop();
    }
  } finally {
    await stopTestCluster(cluster);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
