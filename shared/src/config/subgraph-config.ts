import type { JWK } from 'jose';
import { z } from 'zod';
import { authConfigOf, authEnvShape, privateJwkFileVar, requireOneKeySource, type AuthConfig } from '../auth/auth-config';
import { Department } from '../context/principal';
import { isIsoDate } from '../legal-clock/dates';
import { metricsEnvShape, metricsRules, metricsSettingsOf, type MetricsSettings } from '../metrics/metrics-config';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../server/response-size.plugin';
import { drainMsVar, hostVar, loadConfig, logLevelVar, nodeEnvVar, portVar } from './load-config';

/** How often a department publishes its signed access-log head unless LOG_HEAD_PUBLISH_MS says otherwise: every minute. */
export const DEFAULT_LOG_HEAD_PUBLISH_MS = 60_000;

/** What every department subgraph reads from its environment (see `.env.example`). */
export const subgraphConfigSchema = z.object({
  PORT: portVar,
  /** The address to listen on: 127.0.0.1 unless set (docker compose sets 0.0.0.0). */
  HOST: hostVar,
  DATABASE_URL: z.string().url().startsWith('postgres', 'must be a postgres:// or postgresql:// URL'),
  /** The linkage key the four departments share for personRef: 32 bytes as 64 hex characters. */
  LINKAGE_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)'),
  /** `if-empty`: load demo data into an empty database; `reset`: wipe and reload; `off`: never. */
  DEMO_DATA: z.enum(['off', 'if-empty', 'reset']).default('off'),
  DEMO_SCALE: z.coerce.number().int().min(1).max(200).default(1),
  /** The day the demo world is drawn as of (YYYY-MM-DD); today in China when unset. All four must agree. */
  DEMO_AS_OF: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .optional(),
  /**
   * Pins the service's "today" (YYYY-MM-DD) for a demonstration or training on a fixed day: deadlines,
   * `overdue` and channel validity count from it. Unset: the real calendar (China time). Not in production.
   */
  CLOCK_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .optional(),
  LOG_LEVEL: logLevelVar,
  NODE_ENV: nodeEnvVar,
  /** How long a stopping subgraph lets the requests in flight finish (SIGTERM; see drainMsVar). */
  SHUTDOWN_DRAIN_MS: drainMsVar,
  /**
   * The largest answer the subgraph sends, in bytes of JSON (8 MiB by default): a larger one is not sent,
   * the caller gets RESPONSE_TOO_LARGE. Department systems call subgraphs directly, past the gateway's limits.
   */
  MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_RESPONSE_BYTES),
  /**
   * How many lookups of a person by personal data (`worker(idNumber:)`) one caller (token subject) may make
   * a minute at this subgraph; each alias counts. Guessing an ID number takes a few dozen tries.
   */
  LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** AUTH_JWKS_PATH or AUTH_JWKS_URL, AUTH_AUDIENCE, AUTH_ISSUER: how callers' tokens are verified. */
  ...authEnvShape,
  /** Development only: the private key this subgraph signs its own SERVICE tokens with (calls to the channel registry). */
  AUTH_SERVICE_KEY_PATH: privateJwkFileVar,
  /** How often a provider rereads its own channel table; at most 10 s, so a decision takes effect within 30 s even after a failed read. */
  CHANNEL_REFRESH_MS: z.coerce.number().int().min(100).max(10_000).default(10_000),
  /**
   * The other departments' /graphql: each department publishes its signed access-log head to the other
   * three; the union's suggested agenda asks them for their risk signals, and its sharing-channel registry
   * forwards channel decisions to the provider. A department's own is ignored.
   */
  HR_BUREAU_URL: z.string().url().startsWith('http', 'must be an http:// or https:// URL').optional(),
  UNION_URL: z.string().url().startsWith('http', 'must be an http:// or https:// URL').optional(),
  COURT_URL: z.string().url().startsWith('http', 'must be an http:// or https:// URL').optional(),
  JUSTICE_URL: z.string().url().startsWith('http', 'must be an http:// or https:// URL').optional(),
  /** How often the department publishes its signed access-log head to the other three (1 s to 1 h; every minute by default). */
  LOG_HEAD_PUBLISH_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(DEFAULT_LOG_HEAD_PUBLISH_MS),
  /**
   * Benchmarks only (`npm run bench:peers`): a file to which every SQL statement the service sends is
   * appended, one JSON line each (the SQL floor replays them). Unset: nothing is captured. Not in production.
   */
  SQL_CAPTURE_FILE: z.string().min(1, 'must be a file path').optional(),
  /** METRICS_PORT, METRICS_TOKEN: the Prometheus endpoint on a port of its own (README "Metrics"). */
  ...metricsEnvShape,
});

export interface SubgraphConfig {
  port: number;
  /** The address it listens on (HOST); loopback by default. */
  host: string;
  /** How long it drains requests in flight when told to stop (SHUTDOWN_DRAIN_MS). */
  drainMs: number;
  databaseUrl: string;
  linkageKey: Buffer;
  demoData: 'off' | 'if-empty' | 'reset';
  demoScale: number;
  demoAsOf: string | null;
  /** The day the service's clock is pinned to (CLOCK_TODAY); null: the real calendar. */
  clockToday: string | null;
  logLevel: string;
  production: boolean;
  /** The largest answer sent, in bytes of JSON (MAX_RESPONSE_BYTES). */
  maxResponseBytes: number;
  /** Lookups by personal data one caller may make a minute (LOOKUPS_PER_MINUTE). */
  lookupsPerMinute: number;
  /** Every call to /graphql must carry a token these keys verify. */
  auth: AuthConfig;
  /** Private JWK for minting this subgraph's SERVICE tokens (AUTH_SERVICE_KEY_PATH); unset in production. */
  serviceKey?: JWK;
  channelRefreshMs: number;
  /**
   * Other departments' /graphql by department (HR_BUREAU_URL, UNION_URL, COURT_URL, JUSTICE_URL, its own
   * left out): the witnesses of its access-log heads, and the union's sources of risk signals.
   */
  peerUrls: PeerUrls;
  /** How often it publishes its signed access-log head (LOG_HEAD_PUBLISH_MS). */
  logHeadPublishMs: number;
  /** SQL_CAPTURE_FILE: where every SQL statement is appended (benchmarks only); unset, nothing is captured. */
  sqlCaptureFile?: string;
  /** Where its Prometheus metrics are served (METRICS_PORT, METRICS_TOKEN); null: none are. */
  metrics: MetricsSettings | null;
}

/** A pinned day is for demonstrations: in production every deadline counts on the real calendar. */
export function realCalendarInProduction(value: { CLOCK_TODAY?: string; NODE_ENV?: string }, ctx: z.RefinementCtx): void {
  if (value.CLOCK_TODAY === undefined) return;
  if (!isIsoDate(value.CLOCK_TODAY)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['CLOCK_TODAY'], message: 'is not a real date' });
  else if (value.NODE_ENV === 'production') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['CLOCK_TODAY'],
      message: 'must not be set in production: deadlines count on the real calendar',
    });
  }
}

type ServiceEnv = Parameters<typeof requireOneKeySource>[0] &
  Parameters<typeof realCalendarInProduction>[0] &
  Parameters<typeof metricsRules>[0] &
  Parameters<typeof authConfigOf>[0] &
  Parameters<typeof metricsSettingsOf>[0] & { PORT: number; HOST: string; SHUTDOWN_DRAIN_MS: number };

/**
 * A service's variables (a subgraph's or the gateway's), checked against its schema and the rules every service
 * keeps: one source of token keys, the real calendar in production, the metrics port's rules. The settings all
 * services share are read from them at once: where to listen, how long to drain, token checks and metrics.
 */
export function loadServiceConfig<T extends ServiceEnv>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, env: NodeJS.ProcessEnv) {
  const raw = loadConfig(schema.superRefine(requireOneKeySource).superRefine(realCalendarInProduction).superRefine(metricsRules), env);
  const common = {
    port: raw.PORT,
    host: raw.HOST,
    drainMs: raw.SHUTDOWN_DRAIN_MS,
    auth: authConfigOf(raw),
    metrics: metricsSettingsOf(raw),
  };
  return { raw, common };
}

/** Where other departments' subgraphs answer, by department; a department left out is not called. */
export type PeerUrls = Partial<Record<Department, string>>;

export function loadSubgraphConfig(env: NodeJS.ProcessEnv = process.env, own?: Department): Readonly<SubgraphConfig> {
  const { raw, common } = loadServiceConfig(subgraphConfigSchema, env);
  return Object.freeze({
    ...common,
    databaseUrl: raw.DATABASE_URL,
    linkageKey: Buffer.from(raw.LINKAGE_KEY, 'hex'),
    demoData: raw.DEMO_DATA,
    demoScale: raw.DEMO_SCALE,
    demoAsOf: raw.DEMO_AS_OF ?? null,
    clockToday: raw.CLOCK_TODAY ?? null,
    logLevel: raw.LOG_LEVEL,
    production: raw.NODE_ENV === 'production',
    maxResponseBytes: raw.MAX_RESPONSE_BYTES,
    lookupsPerMinute: raw.LOOKUPS_PER_MINUTE,
    channelRefreshMs: raw.CHANNEL_REFRESH_MS,
    peerUrls: Object.freeze(
      Object.fromEntries(
        (
          [
            [Department.HR_BUREAU, raw.HR_BUREAU_URL],
            [Department.UNION, raw.UNION_URL],
            [Department.COURT, raw.COURT_URL],
            [Department.JUSTICE, raw.JUSTICE_URL],
          ] as const
        ).filter(([department, url]) => url !== undefined && department !== own),
      ) as PeerUrls,
    ),
    logHeadPublishMs: raw.LOG_HEAD_PUBLISH_MS,
    ...(raw.SQL_CAPTURE_FILE ? { sqlCaptureFile: raw.SQL_CAPTURE_FILE } : {}),
    ...(raw.AUTH_SERVICE_KEY_PATH ? { serviceKey: raw.AUTH_SERVICE_KEY_PATH } : {}),
  });
}
