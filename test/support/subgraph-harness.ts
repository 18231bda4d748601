import pino from 'pino';
import {
  clockOn,
  createDepartmentSubgraph,
  listen,
  Role,
  traceContextOfLine,
  type Clock,
  type ServiceMetrics,
  type AccessRecorder,
  type AccessRecorderContext,
  type DepartmentSubgraph,
  type GrantSource,
  type PeerUrls,
  type SubgraphDefinition,
} from '@labour/shared';
import { createTestDatabase } from './databases';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { teardownStep } from './teardown-step';
import { hasAuthorization, TEST_AUTH, testToken, type TokenRequest } from './tokens';

/** The linkage key every test service shares, as the four departments share theirs. */
export const TEST_LINKAGE_KEY = Buffer.from('6c696e6b6167652d6b65792d666f722d74657374732d6f6e6c792d3332627974', 'hex');
/**
 * The day the demo world is drawn as of in tests, and "today" for every test service (TEST_CLOCK), as
 * `npm start` draws the world as of the day it runs: no test depends on the real calendar.
 */
export const TEST_AS_OF = '2026-11-20';
/** The clock every test service runs on unless a test gives another: its day is always TEST_AS_OF. */
export const TEST_CLOCK: Clock = clockOn(TEST_AS_OF);

/** Parsed JSON log lines of the services of a test, in the order written. */
export type LogLines = Array<Record<string, unknown>>;

/** A logger that keeps its lines in `logs` (for tests that look at logs), else is silent unless TEST_LOG_LEVEL says. */
export function testLogger(service: string, logs?: LogLines): pino.Logger {
  if (!logs) return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent', base: { service } });
  // As createLogger: each line written while a request is traced names its trace.
  return pino(
    { level: 'info', base: { service }, mixin: traceContextOfLine },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
}

/** `headers` as given when they say who is calling, else with a fresh token of `principal` added. */
export function withDefaultToken(headers: Record<string, string> | undefined, principal: TokenRequest): Record<string, string> {
  if (hasAuthorization(headers)) return headers ?? {};
  return { ...headers, authorization: `Bearer ${testToken(principal)}` };
}

export interface RunningSubgraph {
  url: string;
  /** Its database as its own role (the owner's) reaches it, as the service's DATABASE_URL. */
  databaseUrl: string;
  subgraph: DepartmentSubgraph;
  /** Posts an operation; without an `authorization` header it sends a token of the default principal. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** TCP connections the subgraph has accepted so far (keep-alive shows as few connections, many requests). */
  connectionsAccepted(): number;
  stop(): Promise<void>;
}

export interface SubgraphOptions {
  demo?: boolean;
  scale?: number;
  logs?: LogLines;
  /** Who `query()` calls as when no `authorization` header is given; default a CASEWORKER of the subgraph's own department. */
  principal?: TokenRequest;
  /** The sharing-channel grants the subgraph enforces; default its own channel table, as in production. */
  grants?: GrantSource;
  /** Makes each request's access recorder; default none (nothing recorded). */
  accessRecorder?: (ctx: AccessRecorderContext) => AccessRecorder;
  /** How often the subgraph's own grant source rereads its channel table (ms); default 500, so tests see changes quickly. */
  channelRefreshMs?: number;
  /** How old its last read may be before it fails closed (ms); default the service's own (30 s). */
  channelStaleAfterMs?: number;
  /** Other departments' /graphql (the union's suggested agenda calls them); read at each request, so it may be filled in later. */
  peerUrls?: PeerUrls;
  /** Where the subgraph takes "today" from; default TEST_CLOCK. */
  clock?: Clock;
  /** The largest answer it sends (MAX_RESPONSE_BYTES); default the service's own (8 MiB). */
  maxResponseBytes?: number;
  /** Its Prometheus metrics, as `main.ts` makes them with METRICS_PORT set; default none (nothing counted). */
  metrics?: ServiceMetrics;
}

/**
 * Starts one department subgraph exactly as `main.ts` does, on its own fresh database in the test
 * cluster and a free port, trusting the test keys (TEST_AUTH); with `demo`, loads the demo world (scale 1) first.
 */
export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: SubgraphOptions = {}): Promise<RunningSubgraph> {
  const database = await createTestDatabase(definition.name.replace(/-/g, '_'));
  const logger = testLogger(definition.name, options.logs);
  const config = {
    databaseUrl: database.url,
    linkageKey: TEST_LINKAGE_KEY,
    auth: TEST_AUTH,
    grants: options.grants,
    accessRecorder: options.accessRecorder,
    channelRefreshMs: options.channelRefreshMs ?? 500,
    channelStaleAfterMs: options.channelStaleAfterMs,
    peerUrls: options.peerUrls,
    clock: options.clock ?? TEST_CLOCK,
    maxResponseBytes: options.maxResponseBytes,
    metrics: options.metrics,
  };
  const subgraph = await createDepartmentSubgraph(definition, config, logger);
  await subgraph.prepare({ mode: options.demo ? 'if-empty' : 'off', scale: options.scale ?? 1, asOf: TEST_AS_OF });
  const listening = await listen(subgraph.server.app, 0, '127.0.0.1');
  const principal = options.principal ?? { department: definition.department, roles: [Role.CASEWORKER] };
  let connections = 0;
  let stopped: Promise<void> | undefined;
  listening.server.on('connection', () => void (connections += 1));
  return {
    url: listening.url,
    databaseUrl: database.url,
    subgraph,
    query: (query, variables, headers) => postGraphQL(listening.url, query, variables, withDefaultToken(headers, principal)),
    connectionsAccepted: () => connections,
    // Idempotent: a test may stop one subgraph of a stack (e.g. the registry) before the stack stops.
    stop() {
      stopped ??= (async () => {
        await teardownStep(`${definition.name}: closing its HTTP server`, () => listening.close());
        await teardownStep(`${definition.name}: stopping`, () => subgraph.stop());
        await database.drop();
      })();
      return stopped;
    },
  };
}

/**
 * A test file's (or describe block's) subgraph: started as `startSubgraph(definition, options)` in a
 * beforeAll (allowed `startTimeoutMs`), stopped in the afterAll. What it returns stands for the running
 * subgraph once the beforeAll has run, so the tests use it as they would the started one.
 */
export function useSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: SubgraphOptions = {},
  startTimeoutMs = 120_000,
): RunningSubgraph {
  let running: RunningSubgraph | undefined;
  const started = (): RunningSubgraph => {
    if (!running) throw new Error(`${definition.name} is not running: use it in a test or a hook after its beforeAll`);
    return running;
  };
  beforeAll(async () => {
    running = await startSubgraph(definition, options);
  }, startTimeoutMs);
  afterAll(() => running?.stop());
  return {
    get url() {
      return started().url;
    },
    get databaseUrl() {
      return started().databaseUrl;
    },
    get subgraph() {
      return started().subgraph;
    },
    query: (query, variables, headers) => started().query(query, variables, headers),
    connectionsAccepted: () => started().connectionsAccepted(),
    stop: () => started().stop(),
  };
}

/**
 * The test every subgraph started with the demo data passes: once the data is in, every table of its schema
 * has planner statistics (analyzed, not planned as empty).
 */
export function itLeavesPlannerStatistics(running: RunningSubgraph): void {
  it('leaves planner statistics on every table once the demo data is in (analyzed, not planned as empty)', async () => {
    const unanalyzed = await running.subgraph.orm.em.fork().execute<Array<{ relname: string }>>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0 order by c.relname`,
    );
    expect(unanalyzed).toEqual([]);
  });
}
