import { join } from 'node:path';
import {
  createChannelGrantCache,
  createLogHeadPublisher,
  createServiceTokenSource,
  Department,
  serviceIssuer,
  listen,
  Role,
  type ChannelGrantSource,
  type GrantSource,
  type GuardSettings,
  type LogHeadPublisher,
  type PeerUrls,
  type PublishedTo,
} from '@labour/shared';
import { createGatewayServer } from '../../gateway/src/create-gateway';
import { SUBGRAPHS } from '../../scripts/schemas/subgraph-list';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { startSubgraph, TEST_CLOCK, testLogger, withDefaultToken, type LogLines, type RunningSubgraph } from './subgraph-harness';
import { TEST_AUTH, testServiceKey, type TokenRequest } from './tokens';

export interface RunningStack {
  gatewayUrl: string;
  subgraphs: Map<string, RunningSubgraph>;
  /** With `faults`: the proxy between the gateway and each subgraph, by subgraph name, to play a fault. */
  faults: Map<string, FaultProxy>;
  /** Posts an operation to the gateway; without an `authorization` header it sends a token of the default principal. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /**
   * Has every provider load its channels now (the caches and the union's own source): after a change
   * to the registry, a test calls this instead of waiting for the next poll.
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
   * Sharing channels as `npm start` wires them: hr-bureau, court and justice poll the registry in the union
   * subgraph with SERVICE tokens, the union rereads its own table; every `refreshMs` (default 500 ms, so
   * tests see a change quickly; production polls every 10 s). `false`: no channel is enforced anywhere
   * (every other department's SHARED field is denied, PERSONAL masked).
   */
  channels?: { refreshMs?: number; staleAfterMs?: number } | false;
  /** Puts a fault proxy (`stack.faults`) between the gateway and each subgraph. */
  faults?: boolean;
  /** The gateway's timeout and breaker for every subgraph; default the gateway's defaults. */
  guard?: GuardSettings;
}

/** A subgraph's grants before its cache exists: the cache needs the registry's URL, known once the union listens. */
function lateGrantSource(caches: Map<string, ChannelGrantSource>, name: string): GrantSource {
  return { grantsFor: (consumer) => caches.get(name)?.grantsFor(consumer) ?? 'UNAVAILABLE' };
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
  const caches = new Map<string, ChannelGrantSource>();
  // Every department's /graphql, filled in below once they listen (as npm start passes HR_BUREAU_URL …): the
  // witnesses of each one's access-log heads, and the union's sources of risk signals.
  const peerUrls: PeerUrls = {};
  const publishers = new Map<string, LogHeadPublisher>();
  try {
    const started = await Promise.all(
      SUBGRAPHS.map(async (listed) => {
        const definition = await listed.load();
        const running = await startSubgraph(definition, {
          demo: options.demo ?? true,
          scale: options.scale,
          logs: options.logs,
          // The union reads its own table (definition.localGrantSource); the others get their cache below.
          grants: channels && !definition.localGrantSource ? lateGrantSource(caches, listed.name) : undefined,
          channelRefreshMs: channels?.refreshMs,
          peerUrls,
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
    if (channels) {
      const registryUrl = subgraphs.get('union')!.url;
      for (const [name, , definition] of started.filter(([, , d]) => !d.localGrantSource)) {
        const cache = createChannelGrantCache({
          registryUrl,
          // Each provider signs with its own service key, bound to its department (as npm start gives it AUTH_SERVICE_KEY_PATH).
          tokenSource: createServiceTokenSource({
            privateJwk: testServiceKey(name),
            department: definition.department,
            subject: `service:${name}`,
            audience: TEST_AUTH.audience,
            issuer: serviceIssuer(name),
          }),
          provider: definition.department,
          refreshMs: channels.refreshMs,
          staleAfterMs: channels.staleAfterMs,
          logger: testLogger(name, options.logs),
          today: TEST_CLOCK.today,
        });
        caches.set(name, cache);
      }
      // The first answers are awaited: tests start with every provider enforcing the channels in force.
      await Promise.all([...caches.values()].map((cache) => cache.start()));
    }
  } catch (error) {
    for (const cache of caches.values()) cache.stop();
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
    },
    testLogger('gateway', options.logs),
  );
  const listening = await listen(gateway.app, 0, '127.0.0.1');
  return {
    gatewayUrl: listening.url,
    subgraphs,
    faults,
    query: (query, variables, headers) => postGraphQL(listening.url, query, variables, withDefaultToken(headers, principal)),
    async refreshChannels() {
      const sources = [...caches.values(), ...[...subgraphs.values()].flatMap((s) => (s.subgraph.ownGrants ? [s.subgraph.ownGrants] : []))];
      // Twice: the first may join a load that began before the change; the second begins after it.
      for (let round = 0; round < 2; round += 1) {
        const loaded = await Promise.all(sources.map((source) => source.refresh()));
        if (!loaded.every(Boolean)) throw new Error('a channel source could not load the registry');
      }
    },
    async publishLogHeads() {
      const rounds = await Promise.all([...publishers].map(async ([name, publisher]) => [name, await publisher.publishNow()] as const));
      return new Map(rounds);
    },
    async stop() {
      for (const cache of caches.values()) cache.stop();
      await listening.close();
      await gateway.stop();
      await Promise.all([...faults.values()].map((proxy) => proxy.close()));
      await Promise.all([...subgraphs.values()].map((s) => s.stop()));
    },
  };
}
