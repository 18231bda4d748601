/**
 * What the Prometheus metrics cost per request: whole systems (four subgraphs on their own databases
 * with the demo data, and the gateway) in this process over real HTTP on loopback, one with metrics in
 * every service as METRICS_PORT turns them on, one without, and a second one without as a control. The
 * same load goes through each gateway, round by round in turn so that drift hits all alike: the merged
 * dossier of enterprises, asked by the union's coordinator, so that every part counts (the request, the
 * gateway's fetches through the guards, the providers' permission outcomes and access-log writes). Then
 * the parts alone, in a loop, per call, and what one scrape of each service costs.
 *
 *   npm run bench:metrics     # BENCH_REQUESTS=400 BENCH_WARMUP=40 BENCH_CONCURRENCY=4
 *
 * CPU ms/req: this process (client, gateway, subgraphs and their PostgreSQL driver) over the timed rounds
 * of that system, divided by its requests: CPU time, not stretched by other processes' load as
 * requests/s and latencies are. PostgreSQL runs in its own processes and is not in it.
 */
import 'reflect-metadata';
import { Agent, request } from 'undici';
import { Department, Role, ServiceMetrics, permissionOutcomes } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { Registry } from 'prom-client';
import { scrape, type Scrape } from '@labour/testing/metrics';
import { startStack, type RunningStack } from '@labour/testing/stack';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { testToken } from '@labour/testing/tokens';
import { percentile } from './support/load';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 400);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 40);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const ROUNDS = 6;
const TOKEN = 'bench-metrics-token-0123456789abcdef0123456789';

const DOSSIER = /* GraphQL */ `
  query Dossier($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode name
      wageArrearsAlerts { alertNo project amountOwed }
      layoffReports { reportNo plannedCount placementPlan }
      unionOrganization { name } mediationCases { caseNo status }
      lawsuits { caseNo stage } enforcementCases { caseNo }
      legalAidCases { caseNo } peopleMediationCases { caseNo }
    }
  }
`;

interface System {
  name: string;
  stack: RunningStack;
  latencies: number[];
  elapsedMs: number;
  cpuMs: number;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  say('starting a throwaway PostgreSQL …');
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  const closers: Array<() => Promise<unknown>> = [];
  try {
    // A second system without metrics, started last, as a control: what two identical systems differ by
    // here (their databases, their place in the rounds, the machine's other load) is the noise floor.
    say('starting three systems (demo data in twelve databases) …');
    const without = await startStack({});
    closers.unshift(() => without.stop());
    const withMetrics = await startStack({ metrics: { token: TOKEN } });
    closers.unshift(() => withMetrics.stop());
    const control = await startStack({});
    closers.unshift(() => control.stop());
    const systems: System[] = [
      { name: 'metrics off', stack: without, latencies: [], elapsedMs: 0, cpuMs: 0 },
      { name: 'metrics on', stack: withMetrics, latencies: [], elapsedMs: 0, cpuMs: 0 },
      { name: 'off, control', stack: control, latencies: [], elapsedMs: 0, cpuMs: 0 },
    ];

    const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
    closers.unshift(() => agent.close());
    // One caller per connection (a coordinator each): the gateway merges the fetches of one caller's
    // requests in flight together, which one caller at concurrency 4 would make the whole load.
    const callers = Array.from(
      { length: CONCURRENCY },
      (_, worker) =>
        `Bearer ${testToken({ department: Department.UNION, roles: [Role.COORDINATOR], sub: `bench-coordinator-${worker}`, ttlSeconds: 3600 })}`,
    );
    const send = async (url: string, body: string, worker = 0): Promise<string> => {
      const response = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { 'content-type': 'application/json', authorization: callers[worker]! },
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return text;
    };
    // A different enterprise each request (the stories' first), as the console's users open dossiers: no two
    // requests in flight are the same, so the gateway shares no fetch between them.
    const page = JSON.parse(
      await send(without.gatewayUrl, JSON.stringify({ query: '{ enterprises(first: 100) { nodes { creditCode } } }' })),
    ) as { data: { enterprises: { nodes: Array<{ creditCode: string }> } } };
    const codes = [...new Set([...Object.values(STORY_ENTERPRISES), ...page.data.enterprises.nodes.map((node) => node.creditCode)])];
    const bodies = codes.map((creditCode) => JSON.stringify({ query: DOSSIER, variables: { creditCode }, operationName: 'Dossier' }));

    // Both systems must give the same answers before anything is timed.
    for (const body of bodies) {
      const [off, ...others] = await Promise.all(systems.map((system) => send(system.stack.gatewayUrl, body)));
      for (const other of others)
        if (other !== off) throw new Error(`the systems answer differently:\n${off!.slice(0, 300)}\n${other.slice(0, 300)}`);
    }
    for (const system of systems) for (let i = 0; i < WARMUP; i += 1) await send(system.stack.gatewayUrl, bodies[i % bodies.length]!);

    const counted = await countsOf(withMetrics);
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round in another order, so that no system always follows the same one.
      for (let k = 0; k < systems.length; k += 1) {
        const system = systems[(round + k) % systems.length]!;
        const started = performance.now();
        const cpu = process.cpuUsage();
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async (_, worker) => {
            while (next < perRound) {
              const body = bodies[next % bodies.length]!;
              next += 1;
              const t0 = performance.now();
              await send(system.stack.gatewayUrl, body, worker);
              system.latencies.push(performance.now() - t0);
            }
          }),
        );
        system.elapsedMs += performance.now() - started;
        const used = process.cpuUsage(cpu);
        system.cpuMs += (used.user + used.system) / 1000;
      }
    }

    const rows = systems.map((s) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return {
        name: s.name,
        n: s.latencies.length,
        rps: (s.latencies.length / s.elapsedMs) * 1000,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        cpu: s.cpuMs / s.latencies.length,
      };
    });
    const base = rows[0]!;
    say('');
    say(
      `through the gateway: the Dossier of ${bodies.length} enterprises in turn, as ${CONCURRENCY} UNION COORDINATORs, one per connection; ${base.n} requests each after ${WARMUP} warm-up, concurrency ${CONCURRENCY}, Node ${process.versions.node}`,
    );
    say(
      `${'system'.padEnd(14)}${'requests/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU ms/req'.padStart(12)}${'throughput'.padStart(12)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'CPU'.padStart(8)}`,
    );
    for (const row of rows) {
      say(
        `${row.name.padEnd(14)}${row.rps.toFixed(1).padStart(12)}${row.p50.toFixed(1).padStart(10)}${row.p99.toFixed(1).padStart(10)}${row.cpu.toFixed(2).padStart(12)}` +
          `${(row.rps / base.rps).toFixed(3).padStart(11)}×${(row.p50 / base.p50).toFixed(3).padStart(7)}×${(row.p99 / base.p99).toFixed(3).padStart(7)}×${(row.cpu / base.cpu).toFixed(3).padStart(7)}×`,
      );
    }
    say(
      `CPU per request with metrics: ${(rows[1]!.cpu - base.cpu).toFixed(3)} ms more than without (${(((rows[1]!.cpu - base.cpu) / base.cpu) * 100).toFixed(1)}%); the control differs from it by ${(rows[2]!.cpu - base.cpu).toFixed(3)} ms.`,
    );
    say(
      "The parts alone, below, say what the metrics add per request; a difference between the systems no larger than the control's is noise.",
    );

    // What one scrape costs each service (their registries in this process), and how large it is.
    say('');
    say('one scrape (GET /metrics with the token), mean of 20:');
    for (const [service, url] of withMetrics.metricsUrls) {
      const t0 = performance.now();
      const cpu = process.cpuUsage();
      let bytes = 0;
      for (let i = 0; i < 20; i += 1) {
        const response = await request(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        bytes = (await response.body.text()).length;
      }
      const used = process.cpuUsage(cpu);
      say(
        `  ${service.padEnd(10)} ${((performance.now() - t0) / 20).toFixed(2).padStart(7)} ms, CPU ${((used.user + used.system) / 1000 / 20).toFixed(2).padStart(6)} ms, ${(bytes / 1024).toFixed(1).padStart(6)} KiB`,
      );
    }

    // What the timed requests made the metrics count, and what that costs by the parts' own figures.
    const after = await countsOf(withMetrics);
    const per = (key: keyof typeof after) => (after[key] - counted[key]) / (after.gatewayRequests - counted.gatewayRequests);
    const costs = micro();
    const ns =
      (per('gatewayRequests') + per('subgraphRequests')) * costs.request +
      per('fetches') * costs.fetch +
      per('outcomes') * costs.outcome +
      per('accessLogWrites') * costs.accessLogWrite;
    say('');
    say(
      `per client request the metrics counted ${per('subgraphRequests').toFixed(1)} subgraph requests, ${per('fetches').toFixed(1)} subgraph fetches, ` +
        `${per('outcomes').toFixed(1)} permission outcomes and ${per('accessLogWrites').toFixed(2)} access-log INSERTs besides the request itself:`,
    );
    say(
      `  ≈ ${(ns / 1000).toFixed(1)} µs CPU per client request, ${((ns / 1e6 / rows[1]!.cpu) * 100).toFixed(2)}% of the ${rows[1]!.cpu.toFixed(2)} ms CPU a request costs this process with metrics`,
    );
  } finally {
    for (const close of closers) await close().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
    await stopTestCluster(cluster);
  }
}

/** CPU ns per call of each part of the metrics. */
interface PartCosts {
  request: number;
  fetch: number;
  outcome: number;
  accessLogWrite: number;
}

/**
 * Each part of the metrics alone, in a loop: CPU ns per call (what a request pays once, or once per fetch
 * or read), from this process's CPU time rather than the clock, which other processes' load stretches.
 */
function micro(): PartCosts {
  const N = 1_000_000;
  const time = (name: string, per: string, run: (i: number) => void): number => {
    for (let i = 0; i < N / 10; i += 1) run(i);
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i += 1) run(i);
    const used = process.cpuUsage(cpu);
    const ns = ((used.user + used.system) * 1000) / N;
    say(`  ${name.padEnd(58)} ${ns.toFixed(0).padStart(6)} ns CPU ${per}`);
    return ns;
  };
  const metrics = new ServiceMetrics({ service: 'bench', processMetrics: false });
  const names = ['Dossier', 'MeetingView', 'Agenda', 'Lookup'];
  say('');
  say(`the parts alone, ${N.toLocaleString('en')} calls each:`);
  const request = time('graphql_requests_total + duration histogram (observe)', 'per GraphQL request', (i) =>
    metrics.requests.observe(names[i & 3]!, undefined, (i & 31) + 0.5),
  );
  const fetches = metrics.subgraphFetches().observer('court');
  const fetch = time('gateway_subgraph_fetch_duration_seconds (guard observer)', 'per call through a guard', (i) =>
    fetches.called('ok', ((i & 63) + 1) / 1000),
  );
  const outcomes = permissionOutcomes(new Registry(), Department.HR_BUREAU);
  const outcome = time('permission_outcomes_total (count)', 'per field read by another department', (i) =>
    outcomes.count(Department.UNION, i & 1 ? 'GRANTED' : 'MASKED'),
  );
  const writes = metrics.accessLogWrites();
  const accessLogWrite = time('access_log_write_duration_seconds (writer observer)', 'per access-log INSERT', (i) =>
    writes.written(((i & 63) + 1) / 1000, 3, true),
  );
  return { request, fetch, outcome, accessLogWrite };
}

/** What the metrics of the system with them counted, summed over its five services. */
async function countsOf(
  stack: RunningStack,
): Promise<{ gatewayRequests: number; subgraphRequests: number; fetches: number; outcomes: number; accessLogWrites: number }> {
  const sum = (scrape: Scrape, name: string) =>
    scrape.text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  const scrapes = new Map<string, Scrape>();
  for (const [service, url] of stack.metricsUrls) scrapes.set(service, await scrape(url, TOKEN));
  const subgraphs = [...scrapes].filter(([service]) => service !== 'gateway').map(([, s]) => s);
  const gateway = scrapes.get('gateway')!;
  return {
    gatewayRequests: sum(gateway, 'graphql_requests_total'),
    fetches: sum(gateway, 'gateway_subgraph_fetch_duration_seconds_count'),
    subgraphRequests: subgraphs.reduce((total, s) => total + sum(s, 'graphql_requests_total'), 0),
    outcomes: subgraphs.reduce((total, s) => total + sum(s, 'permission_outcomes_total'), 0),
    accessLogWrites: subgraphs.reduce((total, s) => total + sum(s, 'access_log_write_duration_seconds_count'), 0),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
