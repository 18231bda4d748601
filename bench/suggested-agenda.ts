/**
 * `npm run bench:agenda`: requests per second and p50/p99 latency of `suggestedAgenda` through the real
 * gateway on the ×20 demo world (11,200 enterprises), with a UNION COORDINATOR's token. A throwaway
 * PostgreSQL (embedded, fsync off) holds the four subgraphs' databases; the four subgraphs and the gateway
 * run in this process on loopback. Before the load, each department the union asks is timed on its own,
 * its signal columns (what the union asks) beside its signal objects (what it asked before), with the
 * time PostgreSQL reports for each statement and the indexes its plan uses; the union's own statements too.
 *
 *   npm run bench:agenda     # BENCH_REQUESTS=100 BENCH_WARMUP=10 BENCH_CONCURRENCY=4 BENCH_SCALE=20 BENCH_LIMIT=20
 *
 * Every request count is bounded. Machines here are shared: compare figures of one run.
 */
import 'reflect-metadata';
import { Department, Role } from '@labour/shared';
import { startStack } from '@labour/testing/stack';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { testToken } from '@labour/testing/tokens';
import { courtSignalStatement } from '../subgraphs/court/src/risk/risk.service';
import { hrBureauSignalStatement } from '../subgraphs/hr-bureau/src/risk/risk.service';
import { justiceSignalStatement } from '../subgraphs/justice/src/risk/risk.service';
import {
  MEMBERSHIP_WEIGHT,
  membershipStatement,
  unionMediationStatement,
  unionSignalStatement,
} from '../subgraphs/union/src/risk/risk.service';
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

/** The three departments the union asks over HTTP: their signal query as columns (what it asks now) and as objects (what it asked before). */
const PEER_QUERIES = [
  { subgraph: 'hr-bureau', objects: 'hrBureauRiskSignals', columns: 'hrBureauRiskSignalColumns', statement: hrBureauSignalStatement },
  { subgraph: 'court', objects: 'courtRiskSignals', columns: 'courtRiskSignalColumns', statement: courtSignalStatement },
  { subgraph: 'justice', objects: 'justiceRiskSignals', columns: 'justiceRiskSignalColumns', statement: justiceSignalStatement },
] as const;
/** How many times each department's query is timed on its own (the median is printed). */
const SOLO_RUNS = 9;

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

      const variables = { since, asOf: TEST_AS_OF, limit: 100_000 };
      /** The median times of two ways of asking, alternated run by run so that a change in the machine's load sways both alike. */
      const medians = async (first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<[number, number]> => {
        await first();
        await second();
        const times: [number[], number[]] = [[], []];
        for (let i = 0; i < SOLO_RUNS; i += 1) {
          for (const [k, run] of [first, second].entries()) {
            const t0 = performance.now();
            await run();
            times[k]!.push(performance.now() - t0);
          }
        }
        const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(SOLO_RUNS / 2)]!;
        return [median(times[0]), median(times[1])];
      };
      /** Execution time PostgreSQL reports for a statement, and the indexes its plan uses. */
      const explain = async (subgraph: string, sql: string, params: unknown[]) => {
        const plan = (
          await stack.subgraphs
            .get(subgraph)!
            .subgraph.orm.em.fork()
            .execute<Array<{ 'QUERY PLAN': string }>>(`explain analyze ${sql}`, params)
        )
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        const indexes = [...new Set([...plan.matchAll(/Index (?:Only )?Scan (?:using|on) (\S+)/g)].map((m) => m[1]))];
        return `SQL ${Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1]).toFixed(1)} ms, plan uses ${indexes.length ? indexes.join(', ') : 'sequential scans only'}`;
      };

      // Each department the union asks, on its own and warmed: the columns it answers now beside the objects
      // it answered before (the same signals), with the statement's time and the indexes it uses.
      say(`\neach department on its own (median of ${SOLO_RUNS}), the signals of every enterprise (limit 100000):`);
      const codes: string[] = [];
      for (const { subgraph, objects, columns, statement } of PEER_QUERIES) {
        const running = stack.subgraphs.get(subgraph)!;
        const asColumns = `query($since: Date!, $asOf: Date, $limit: Int) { ${columns}(since: $since, asOf: $asOf, limit: $limit) { source creditCodes kinds weights details } }`;
        const asObjects = `query($since: Date!, $asOf: Date, $limit: Int) { ${objects}(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail } }`;
        running.subgraph.queries.reset();
        const answer = await running.query<Record<string, { creditCodes: string[] }>>(asColumns, variables, { authorization });
        if (answer.body.errors) throw new Error(`${columns}: ${JSON.stringify(answer.body.errors)}`);
        const signals = answer.body.data![columns]!.creditCodes;
        codes.push(...signals);
        const statements = running.subgraph.queries.count;
        const [columnsMs, objectsMs] = await medians(
          () => running.query(asColumns, variables, { authorization }),
          () => running.query(asObjects, variables, { authorization }),
        );
        const { sql, params } = statement({ since, asOf: TEST_AS_OF });
        say(
          `  ${columns.padEnd(26)} ${String(signals.length).padStart(6)} signals  ${statements} statement  ${columnsMs.toFixed(1).padStart(6)} ms as columns, ${objectsMs.toFixed(1).padStart(6)} ms as objects  ${await explain(subgraph, sql, params)}`,
        );
      }
      // The union's own: its mediation cases with the others, then membership for the enterprises that can rank
      // (here the first 200 the others signal); before, every covered enterprise's contracts with the mediation cases.
      const mediation = unionMediationStatement({ since, asOf: TEST_AS_OF });
      const membership = membershipStatement([...new Set(codes)].slice(0, 200), TEST_AS_OF, false);
      const before = unionSignalStatement({ since, asOf: TEST_AS_OF });
      say(`  union mediation cases          ${await explain('union', mediation.sql, mediation.params)}`);
      say(`  union membership, 200 codes    ${await explain('union', membership.sql, membership.params)}`);
      const everyCovered = membershipStatement([...new Set(codes)], TEST_AS_OF, true);
      say(
        `  … every covered enterprise     ${await explain('union', everyCovered.sql, everyCovered.params)} (only while the limit-th score is not above ${MEMBERSHIP_WEIGHT})`,
      );
      say(`  before: unionRiskSignals       ${await explain('union', before.sql, before.params)}`);
      say('');

      // The gateway and the four subgraphs run in this process: its CPU time per request is theirs together
      // (PostgreSQL's is not in it), a figure less swayed than latency by other load on a shared machine.
      const cpuBefore = process.cpuUsage();
      const rows = [
        await measure(
          stack.gatewayUrl,
          {
            name: `suggestedAgenda(limit: ${LIMIT}) ×${SCALE}`,
            query: AGENDA,
            variables: { limit: LIMIT, asOf: TEST_AS_OF },
            authorization,
          },
          OPTIONS,
        ),
      ];
      const cpu = process.cpuUsage(cpuBefore);
      say(
        `Node CPU (gateway + four subgraphs): ${((cpu.user + cpu.system) / 1000 / (OPTIONS.requests + OPTIONS.warmup)).toFixed(1)} ms per request; heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
      );
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
