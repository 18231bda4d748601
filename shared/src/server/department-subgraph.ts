import type { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import {
  ACCESS_LOG_TABLE,
  accessLogPlugin,
  AccessLogWriter,
  createAccessRecorder,
  logHeadKeysOf,
  WITNESSED_LOG_HEAD_TABLE,
  type AccessLogSink,
  type LogHeadKeys,
} from '../access-log';
import { createTokenVerifier } from '../auth/token-verifier';
import { createOwnGrantSource, PROVIDER_CHANNEL_ROUTES, providerChannelRoutes, type ChannelGrantSource } from '../channels';
import type { PeerUrls, SubgraphConfig } from '../config';
import type { BaseRequestContext, Department } from '../context';
import { isValidIdNumber, personRefOf } from '../ids';
import { clearTablesExcept, createOrm, type QueryCounter } from '../db';
import { systemClock, type Clock } from '../legal-clock/clock';
import { createDepartmentGuard, DEFAULT_GUARD_SETTINGS, type DepartmentGuard, type GuardSettings } from '../resilience';
import {
  applyPermissions,
  DEFAULT_LOOKUP_LIMIT,
  NO_GRANTS_AVAILABLE,
  type AccessRecorder,
  type GrantSource,
  type ScopeImplementations,
} from '../permissions';
import type { ServiceMetrics } from '../metrics/service-metrics';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';

/** Everything that makes one department's subgraph; the mechanism around it is the same for all four. */
export interface SubgraphDefinition<L> {
  /** Service name in logs and URLs, e.g. `hr-bureau`. */
  name: string;
  /** The department that owns this subgraph's data (the provider in sharing channels). */
  department: Department;
  entities: NonNullable<Options['entities']>;
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  buildSchema: () => Promise<GraphQLSchema>;
  createLoaders: (em: EntityManager) => L;
  /**
   * Loads this department's slice of the demo world into an empty database, its own outgoing demo
   * channels included (`loadOwnDemoChannels`).
   */
  loadDemoData: (em: EntityManager, options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger }) => Promise<void>;
  /**
   * Its implementations of its department's channel scope kinds (`src/channel-scope/`): which records a
   * channel grants its fields for. The subgraph does not start while a kind of its department has none.
   */
  channelScopes?: ScopeImplementations;
}

/** The per-request context every department's resolvers get (each subgraph's `src/request-context.ts` names it). */
export interface DepartmentRequestContext<L> extends BaseRequestContext {
  em: EntityManager;
  loaders: L;
  linkageKey: Buffer;
  /** Collects this request's access-log entries (reads of this department's data by others). */
  access: AccessRecorder;
  /** The caller's own `Authorization` header, forwarded when this subgraph asks another department on its behalf. */
  authorization?: string | null;
  /** Other departments' /graphql (the union's suggested agenda and sharing-channel decisions call them). */
  peerUrls?: PeerUrls;
  /** The timeout and breaker of calls to another department, one per department for the life of the service. */
  peerGuard: (department: Department) => DepartmentGuard;
  /** The service's trusted keys, with which it checks the access-log heads other departments publish to it. */
  logHeadKeys: LogHeadKeys;
  /** The service's clock, for timestamps taken during the request. */
  clock: Clock;
  /**
   * Today in China as of the request's start (from `clock`): every deadline, `overdue`, validity and
   * window in the request is computed against this one day, never the machine's calendar.
   */
  today: string;
}

/** What an access recorder is made from: the request's context, before the recorder is in it. */
export type AccessRecorderContext = Omit<DepartmentRequestContext<unknown>, 'access'>;

export interface DepartmentSubgraph {
  orm: MikroORM;
  queries: QueryCounter;
  schema: GraphQLSchema;
  server: SubgraphServer;
  /** The grants it enforces, read from its own provider_channel table; null when the config gave other `grants`. */
  ownGrants: ChannelGrantSource | null;
  /** The process's access-log writer (null when the config gave another sink). */
  accessLogWriter: AccessLogWriter | null;
  /** Migrates, then loads or reloads demo data as the configuration says. */
  prepare(demo: { mode: SubgraphConfig['demoData']; scale: number; asOf: string }): Promise<void>;
  stop(): Promise<void>;
}

type Config = Pick<SubgraphConfig, 'databaseUrl' | 'linkageKey' | 'auth'> & {
  /** How many lookups by personal data (`worker(idNumber:)` …) one caller may make a minute; default 30. */
  lookupsPerMinute?: number;
  /**
   * Which fields other departments may read through sharing channels. By default the department's own
   * channel table (`createOwnGrantSource`); tests give another (e.g. NO_GRANTS_AVAILABLE).
   */
  grants?: GrantSource;
  /**
   * Makes each request's access recorder; by default the access log's, whose rows the access-log plugin
   * hands to the access-log writer at the end of the request (another recorder is kept but not written).
   */
  accessRecorder?: (ctx: AccessRecorderContext) => AccessRecorder;
  /**
   * Where the access-log plugin puts each request's rows; by default the process's one `AccessLogWriter`
   * on this subgraph's database (group commit). The bench gives the old per-request append here.
   */
  accessLog?: AccessLogSink;
  /** How often the own grant source rereads the channel table; default 10 s. */
  channelRefreshMs?: number;
  /** How old its last read may be before it fails closed; default 30 s. */
  channelStaleAfterMs?: number;
  /**
   * Other departments' /graphql, read at each request (a test stack fills it in once they listen); only
   * the union uses it, for the suggested agenda.
   */
  peerUrls?: PeerUrls;
  /** Where "today" comes from: the machine's calendar unless a day is pinned (tests, a configured demo). */
  clock?: Clock;
  /** Timeout and breaker of calls to other departments; default DEFAULT_GUARD_SETTINGS. */
  peerGuard?: GuardSettings;
  /** The largest answer sent, in bytes of JSON (MAX_RESPONSE_BYTES); default 8 MiB. */
  maxResponseBytes?: number;
  /** SQL_CAPTURE_FILE (`npm run bench:peers` only): every SQL statement appended to this file; unset, none. */
  sqlCaptureFile?: string;
  /** The service's Prometheus metrics (served by its caller on METRICS_PORT); none: nothing is counted. */
  metrics?: ServiceMetrics | undefined;
};

/** Builds a department subgraph with no side effects beyond connecting: `main.ts` prepares and listens. */
export async function createDepartmentSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: Config,
  logger: Logger,
): Promise<DepartmentSubgraph> {
  const { orm, queries } = await createOrm({
    databaseUrl: config.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
    ...(config.sqlCaptureFile ? { sqlCaptureFile: config.sqlCaptureFile } : {}),
  });
  const clock = config.clock ?? systemClock;
  const peerGuards = new Map<Department, DepartmentGuard>();
  const peerGuard = (department: Department): DepartmentGuard => {
    if (!peerGuards.has(department)) {
      const observer = config.metrics?.peerCalls().observer(department);
      peerGuards.set(
        department,
        createDepartmentGuard(department, config.peerGuard ?? DEFAULT_GUARD_SETTINGS, logger, undefined, observer),
      );
    }
    return peerGuards.get(department)!;
  };
  // Each department enforces its channels from its own table, which only its own ADMIN's decisions write.
  const ownGrants = config.grants
    ? null
    : createOwnGrantSource(orm, {
        provider: definition.department,
        refreshMs: config.channelRefreshMs,
        staleAfterMs: config.channelStaleAfterMs,
        logger,
        clock,
      });
  // Every field passes the department's permission layer: deny by default, by data class and channel.
  const schema = applyPermissions(await definition.buildSchema(), {
    provider: definition.department,
    grants: config.grants ?? ownGrants ?? NO_GRANTS_AVAILABLE,
    lookupLimit: { ...DEFAULT_LOOKUP_LIMIT, ...(config.lookupsPerMinute ? { points: config.lookupsPerMinute } : {}) },
    // A lookup is logged under the personRef of the ID number asked for, where `workerAccessLog` finds it.
    lookupSubjectKey: (kind, value) => (kind === 'idNumber' && isValidIdNumber(value) ? personRefOf(value, config.linkageKey) : null),
    // Which records each channel grants for, in the department's own SQL; every kind of it implemented.
    scopes: definition.channelScopes ?? {},
    ...(config.metrics ? { outcomes: config.metrics.permissionOutcomes(definition.department) } : {}),
  });
  // One writer per process: every request's log rows go through it, batched (see AccessLogWriter).
  const writer = config.accessLog
    ? null
    : new AccessLogWriter(orm.em, config.metrics ? { observer: config.metrics.accessLogWrites() } : {});
  if (config.metrics) {
    if (ownGrants) config.metrics.channelGrantsAge(() => ownGrants.lastSuccessAt());
    config.metrics.databasePool(await orm.em.getConnection().getNativeClient());
  }
  const accessLog = config.accessLog ?? writer!;
  const logHeadKeys = logHeadKeysOf(config.auth.jwks);
  const server = await createSubgraphServer<DepartmentRequestContext<L>>({
    schema,
    logger,
    ready: () => orm.isConnected(),
    verifyToken: createTokenVerifier(config.auth),
    buildContext: (base, req) => {
      const em = orm.em.fork();
      const ctx = {
        ...base,
        em,
        loaders: definition.createLoaders(em),
        linkageKey: config.linkageKey,
        authorization: req.header('authorization') ?? null,
        peerUrls: config.peerUrls ?? {},
        peerGuard,
        logHeadKeys,
        clock,
        today: clock.today(),
      };
      return { ...ctx, access: (config.accessRecorder ?? createAccessRecorder)(ctx) };
    },
    plugins: [...(config.metrics ? [config.metrics.requests.plugin<BaseRequestContext>()] : []), accessLogPlugin({ sink: accessLog })],
    maxResponseBytes: config.maxResponseBytes,
    ...(config.metrics ? { refused: config.metrics.requests.refused } : {}),
    // Where its own ADMIN's decisions on its outgoing channels arrive (forwarded by the registry).
    routes: [
      {
        path: PROVIDER_CHANNEL_ROUTES,
        router: providerChannelRoutes({ orm, department: definition.department, clock, logger }),
        bodyLimit: '256kb',
      },
    ],
  });

  async function prepare(demo: { mode: SubgraphConfig['demoData']; scale: number; asOf: string }): Promise<void> {
    await migrateAndLoad(demo);
    // Its table exists now; the first load is awaited so that the grants are there when the subgraph listens.
    await ownGrants?.start();
  }

  async function migrateAndLoad(demo: { mode: SubgraphConfig['demoData']; scale: number; asOf: string }): Promise<void> {
    const applied = await orm.migrator.up();
    logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    if (demo.mode === 'off') return;
    const em = orm.em.fork();
    if (demo.mode === 'reset') {
      // Not `orm.schema.clear()`: it truncates every table, and the access log and the heads witnessed of
      // the others' logs refuse (and outlive) that.
      await clearTablesExcept(orm, [ACCESS_LOG_TABLE, WITNESSED_LOG_HEAD_TABLE]);
      logger.info('demo data cleared');
    } else {
      const first = definition.entities[0] as never;
      if ((await em.count(first)) > 0) return;
    }
    const started = performance.now();
    await definition.loadDemoData(em, { scale: demo.scale, asOf: demo.asOf, linkageKey: config.linkageKey, logger });
    logger.info({ scale: demo.scale, asOf: demo.asOf, ms: Math.round(performance.now() - started) }, 'demo data loaded');
  }

  return {
    orm,
    queries,
    schema,
    server,
    ownGrants,
    accessLogWriter: writer,
    prepare,
    stop: async () => {
      ownGrants?.stop();
      await server.stop();
      // Requests still in flight wait for their rows; the connections close after the last INSERT.
      await writer?.close();
      await orm.close();
    },
  };
}
