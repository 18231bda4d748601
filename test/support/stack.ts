import { join } from 'node:path';
import {
  createLogHeadPublisher,
  createServiceTokenSource,
  Department,
  serviceIssuer,
  listen,
  NO_GRANTS_AVAILABLE,
  Role,
  ServiceMetrics,
  serveMetrics,
  type GuardSettings,
  type MetricsEndpoint,
  type LogHeadPublisher,
  type PeerUrls,
  type PublishedTo,
} from '@labour/shared';
import type { TrustedDocumentSettings } from '../../gateway/src/config';
import type { ConsoleOptions } from '../../gateway/src/console/console-routes';
import { createGatewayServer } from '../../gateway/src/create-gateway';
import { SUBGRAPHS } from '../../scripts/schemas/subgraph-list';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { startSubgraph, testLogger, withDefaultToken, type LogLines, type RunningSubgraph } from './subgraph-harness';
import { teardownStep } from './teardown-step';
import { TEST_AUTH, testServiceKey, type TokenRequest } from './tokens';

export interface RunningStack {
  gatewayUrl: string;
  subgraphs: Map<string, RunningSubgraph>;
  /** With `faults`: the proxy between the gateway and each subgraph, by subgraph name, to play a fault. */
  faults: Map<string, FaultProxy>;
  /** With `metrics`: each service's metrics endpoint (`gateway` and the subgraphs' names), on a port of its own. */
  metricsUrls: Map<string, string>;
  /** Posts an operation to the gateway; without an `authorization` header it sends a token of the default principal. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /**
   * Has every provider reread its own channel table now: after a decision (or a change a test makes to a
   * provider's table), a test calls this instead of waiting for the next poll.
   */
  refreshChannels(): Promise<void>;
  /**
   * Has every department publish its signed access-log head to the other three now, as `npm start` does
   * every LOG_HEAD_PUBLISH_MS (a test stack publishes only when asked); what each witness answered, by publisher.
   */
  publishLogHeads(): Promise<Map<string, PublishedTo[]>>;
  stop(): Promise<void>;
}

export interface StackOptions {
  demo?: boolean;
  /** Demo world scale (1: one development zone; 20 for benchmarks). */
  scale?: number;
  logs?: LogLines;
  /** Who `query()` calls as when no `authorization` header is given; default a UNION COORDINATOR (the joint meeting's view). */
  principal?: TokenRequest;
  /**
   * Sharing channels as `npm start` wires them: each subgraph rereads its own channel table (written only
   * by its own ADMIN's decisions, which the union's registry forwards) every `refreshMs` (default 500 ms,
   * so tests see a change quickly; production every 10 s), and fails closed after `staleAfterMs` without
   * a read. `false`: no channel is enforced anywhere (every other department's SHARED field is denied,
   * PERSONAL masked).
   */
  channels?: { refreshMs?: number; staleAfterMs?: number } | false;
  /** Puts a fault proxy (`stack.faults`) between the gateway and each subgraph. */
  faults?: boolean;
  /** The gateway's timeout and breaker for every subgraph; default the gateway's defaults. */
  guard?: GuardSettings;
  /** The web console the gateway serves at `/` (the browser tests); none by default. */
  console?: ConsoleOptions;
  /**
   * Prometheus metrics in every service, as with METRICS_PORT set, each served on a free port of its own
   * (`metricsUrls`), behind `token` when given; none by default (nothing counted).
   */
  metrics?: { token?: string };
  /** The gateway's registered operations and exempt keys; default the committed folder, no key exempt. */
  trustedDocuments?: TrustedDocumentSettings;
}

/**
 * The whole system for an end-to-end test: the four subgraphs on their own fresh databases with the
 * demo world, and the real gateway over the committed supergraph, all on free ports over real HTTP,
 * every service trusting the test keys, each bound to its department (TEST_AUTH).
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const principal = options.principal ?? { department: Department.UNION, roles: [Role.COORDINATOR] };
  const subgraphs = new Map<string, RunningSubgraph>();
  const channels = options.channels === false ? null : { refreshMs: 500, ...options.channels };
  // Every department's /graphql, filled in below once they listen (as npm start passes HR_BUREAU_URL …): the
  // witnesses of each one's access-log heads; the union's sources of risk signals and its channels' providers.
  const peerUrls: PeerUrls = {};
  const publishers = new Map<string, LogHeadPublisher>();
  const metrics = new Map<string, ServiceMetrics>();
  const metricsOf = (service: string): ServiceMetrics | undefined => {
    if (!options.metrics) return undefined;
    metrics.set(service, new ServiceMetrics({ service }));
    return metrics.get(service);
  };
  try {
    const started = await Promise.all(
      SUBGRAPHS.map(async (listed) => {
        const definition = await listed.load();
        const running = await startSubgraph(definition, {
          demo: options.demo ?? true,
          scale: options.scale,
          logs: options.logs,
          // Each enforces its own channel table (started with it); without channels, none at all.
          grants: channels ? undefined : NO_GRANTS_AVAILABLE,
          channelRefreshMs: channels?.refreshMs,
          channelStaleAfterMs: channels?.staleAfterMs,
          peerUrls,
          metrics: metricsOf(listed.name),
        });
        return [listed.name, running, definition] as const;
      }),
    );
    for (const [name, running] of started) subgraphs.set(name, running);
    for (const [name, running, definition] of started) {
      peerUrls[definition.department] = running.url;
      // Each signs its heads with its own service key, which the witnesses trust as its department's SERVICE.
      publishers.set(
        name,
        createLogHeadPublisher({
          em: running.subgraph.orm.em,
          department: definition.department,
          privateJwk: testServiceKey(name),
          token: createServiceTokenSource({
            privateJwk: testServiceKey(name),
            department: definition.department,
            subject: `service:${name}`,
            issuer: serviceIssuer(name),
            audience: TEST_AUTH.audience,
          }),
          peers: peerUrls,
          intervalMs: 60_000,
          logger: testLogger(name, options.logs),
        }),
      );
    }
  } catch (error) {
    await Promise.all([...subgraphs.values()].map((s) => s.stop()));
    throw error;
  }
  const faults = new Map<string, FaultProxy>();
  if (options.faults) for (const [name, s] of subgraphs) faults.set(name, await startFaultProxy(s.url));
  const gateway = await createGatewayServer(
    {
      supergraphPath: join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, s]) => [name, faults.get(name)?.url ?? s.url])),
      auth: TEST_AUTH,
      ...(options.guard ? { guards: Object.fromEntries([...subgraphs.keys()].map((name) => [name, options.guard!])) } : {}),
      ...(options.console ? { console: options.console } : {}),
      trustedDocuments: options.trustedDocuments ?? { dir: join(__dirname, '..', '..', 'gateway', 'trusted-documents'), exemptKids: [] },
      metrics: metricsOf('gateway'),
    },
    testLogger('gateway', options.logs),
  );
  const listening = await listen(gateway.app, 0, '127.0.0.1');
  const endpoints = new Map<string, MetricsEndpoint>();
  for (const [service, serviceMetrics] of metrics) {
    endpoints.set(
      service,
      await serveMetrics(serviceMetrics, {
        port: 0,
        host: '127.0.0.1',
        token: options.metrics?.token,
        logger: testLogger(service, options.logs),
      }),
    );
  }
  return {
    gatewayUrl: listening.url,
    subgraphs,
    faults,
    metricsUrls: new Map([...endpoints].map(([service, endpoint]) => [service, endpoint.url])),
    query: (query, variables, headers) => postGraphQL(listening.url, query, variables, withDefaultToken(headers, principal)),
    async refreshChannels() {
      const sources = [...subgraphs.values()].flatMap((s) => (s.subgraph.ownGrants ? [s.subgraph.ownGrants] : []));
      // Twice: the first may join a load that began before the change; the second begins after it.
      for (let round = 0; round < 2; round += 1) {
        const loaded = await Promise.all(sources.map((source) => source.refresh()));
        if (!loaded.every(Boolean)) throw new Error('a provider could not read its own channel table');
      }
    },
    async publishLogHeads() {
      const rounds = await Promise.all([...publishers].map(async ([name, publisher]) => [name, await publisher.publishNow()] as const));
      return new Map(rounds);
    },
    async stop() {
      await teardownStep('gateway: closing its HTTP server', () => listening.close());
      await teardownStep('gateway: stopping', () => gateway.stop());
      await Promise.all([...faults.values()].map((proxy) => proxy.close()));
      await Promise.all([...subgraphs.values()].map((s) => s.stop()));
      await Promise.all([...endpoints.values()].map((endpoint) => endpoint.close()));
    },
  };
}

/**
 * The whole stack for a describe block (or a file): started before its tests, stopped after them, as
 * `useSubgraph` does for one subgraph. Use it in tests and in hooks declared after this call.
 */
export function useStack(options: StackOptions = {}): RunningStack {
  let running: RunningStack | undefined;
  const started = (): RunningStack => {
    if (!running) throw new Error('the stack is not running: use it in a test or a hook after its beforeAll');
    return running;
  };
  beforeAll(async () => {
    running = await startStack(options);
  }, 180_000);
  afterAll(() => running?.stop(), 60_000);
  return {
    get gatewayUrl() {
      return started().gatewayUrl;
    },
    get subgraphs() {
      return started().subgraphs;
    },
    get faults() {
      return started().faults;
    },
    get metricsUrls() {
      return started().metricsUrls;
    },
    query: (query, variables, headers) => started().query(query, variables, headers),
    refreshChannels: () => started().refreshChannels(),
    publishLogHeads: () => started().publishLogHeads(),
    stop: () => started().stop(),
  };
}
