import { join } from 'node:path';
import {
  authEnvShape,
  DEFAULT_GUARD_SETTINGS,
  Department,
  drainMsVar,
  hostVar,
  loadServiceConfig,
  logLevelVar,
  metricsEnvShape,
  type MetricsSettings,
  nodeEnvVar,
  portVar,
  clockFrom,
  type AuthConfig,
  type Clock,
  type GuardSettings,
} from '@labour/shared';
import { z } from 'zod';

const subgraphUrl = z.string().url().optional();
const timeoutMs = z.coerce.number().int().min(100).max(120_000);

/** The subgraphs as the supergraph names them, and the department each one is. */
export const SUBGRAPH_DEPARTMENTS: Readonly<Record<string, Department>> = Object.freeze({
  'hr-bureau': Department.HR_BUREAU,
  union: Department.UNION,
  court: Department.COURT,
  justice: Department.JUSTICE,
});

/**
 * Where the build puts the console: `dist/console`, found from the compiled gateway (`dist/gateway/src`) or
 * from its TypeScript (`gateway/src`, in tests and tools).
 */
const BUILT_CONSOLE_DIR = __filename.endsWith('.js')
  ? join(__dirname, '..', '..', 'console')
  : join(__dirname, '..', '..', 'dist', 'console');

/** What the gateway reads from its environment (see `.env.example`). */
const gatewayConfigSchema = z.object({
  PORT: portVar.default(4000),
  /** The address to listen on: 127.0.0.1 unless set (docker compose sets 0.0.0.0). */
  HOST: hostVar,
  /** The committed, composed supergraph; regenerate with `npm run schema:generate`. */
  SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', 'supergraph.graphql')),
  /** How often SUPERGRAPH_PATH is looked at for a new supergraph, taken without a restart (gateway/src/supergraph); 0: read once. */
  SUPERGRAPH_WATCH_MS: z.coerce
    .number()
    .int('must be a whole number of milliseconds')
    .refine((ms) => ms === 0 || (ms >= 100 && ms <= 600_000), 'must be 0 (read the supergraph once, at start) or 100 to 600000 ms')
    .default(2_000),
  /** The registered operations of the departments' systems (gateway/src/trusted-documents): `<dir>/<system>/*.graphql`. */
  TRUSTED_DOCUMENTS_DIR: z
    .string()
    .min(1)
    .default(join(__dirname, '..', 'trusted-documents')),
  /** Key ids (`kid`, comma-separated) whose SERVICE tokens may still send free-form queries; every other SERVICE token may not. */
  TRUSTED_DOCUMENTS_EXEMPT_KIDS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((kid) => kid.trim())
        .filter((kid) => kid !== ''),
    ),
  /** Where each subgraph listens; unset means the URL written in the supergraph (local ports 4001-4004). */
  HR_BUREAU_URL: subgraphUrl,
  UNION_URL: subgraphUrl,
  COURT_URL: subgraphUrl,
  JUSTICE_URL: subgraphUrl,
  /** How long a subgraph fetch may take before its department is reported missing (DEPARTMENT_TIMEOUT). */
  SUBGRAPH_TIMEOUT_MS: timeoutMs.default(DEFAULT_GUARD_SETTINGS.timeoutMs),
  /** Per department, overriding SUBGRAPH_TIMEOUT_MS. */
  HR_BUREAU_TIMEOUT_MS: timeoutMs.optional(),
  UNION_TIMEOUT_MS: timeoutMs.optional(),
  COURT_TIMEOUT_MS: timeoutMs.optional(),
  JUSTICE_TIMEOUT_MS: timeoutMs.optional(),
  /** Failures in a row after which a department's breaker opens and its fetches fail at once. */
  BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_GUARD_SETTINGS.failuresToOpen),
  /** How long an open breaker waits before one probe fetch is let through. */
  BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_GUARD_SETTINGS.halfOpenAfterMs),
  LOG_LEVEL: logLevelVar,
  NODE_ENV: nodeEnvVar,
  /** How long a stopping gateway lets the requests in flight finish (SIGTERM; see drainMsVar). */
  SHUTDOWN_DRAIN_MS: drainMsVar,
  /** AUTH_JWKS_PATH or AUTH_JWKS_URL, AUTH_AUDIENCE, AUTH_ISSUER: how callers' tokens are verified. */
  ...authEnvShape,
  /** The web console's built files, served at `/`: `dist/console`, which `npm start` builds (the default is that folder). */
  CONSOLE_DIR: z.string().default(BUILT_CONSOLE_DIR),
  /**
   * The launcher's development keys (`<dir>/<subgraph>-idp-key.json`): set by `npm start` only while the
   * services trust them, so that the console can sign a development token. Refused with NODE_ENV=production.
   */
  CONSOLE_DEV_KEYS_DIR: z.string().min(1).optional(),
  /** The departments' identity provider for the console's sign-in (OIDC authorization code + PKCE). */
  CONSOLE_OIDC_ISSUER: z.string().url().optional(),
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_OIDC_SCOPE: z
    .string()
    .default('openid profile')
    .refine((scope) => scope.split(/\s+/).includes('openid'), 'must include openid (an OpenID Connect sign-in)'),
  /** The day the services' clocks are pinned to (CLOCK_TODAY, never in production): the console counts days left from it. */
  CLOCK_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .optional(),
  /** METRICS_PORT, METRICS_TOKEN: the Prometheus endpoint on a port of its own (README "Metrics"). */
  ...metricsEnvShape,
});

export interface GatewayConfig {
  port: number;
  /** The address it listens on (HOST); loopback by default. */
  host: string;
  /** How long it drains requests in flight when told to stop (SHUTDOWN_DRAIN_MS). */
  drainMs: number;
  supergraphPath: string;
  /** How often the supergraph file is looked at for a change (ms); 0 reads it once, at start. */
  supergraphWatchMs: number;
  /** Subgraph URL overrides by subgraph name as the supergraph names them (hr-bureau, union, court, justice). */
  subgraphUrls: Readonly<Record<string, string | undefined>>;
  /** Timeout and breaker of each subgraph, by name. */
  guards: Readonly<Record<string, GuardSettings>>;
  /** The registered operations' folder, and the signing keys whose SERVICE tokens are exempt from using them. */
  trustedDocuments: TrustedDocumentSettings;
  logLevel: string;
  /** Every call to /graphql must carry a token these keys verify (and every subgraph checks it again). */
  auth: AuthConfig;
  console: ConsoleSettings;
  /** Where its Prometheus metrics are served (METRICS_PORT, METRICS_TOKEN); null: none are. */
  metrics: MetricsSettings | null;
}

/** TRUSTED_DOCUMENTS_DIR and TRUSTED_DOCUMENTS_EXEMPT_KIDS. */
export interface TrustedDocumentSettings {
  dir: string;
  exemptKids: readonly string[];
}

/** Where the console's files are and how its users sign in (gateway/src/console). */
export interface ConsoleSettings {
  staticDir: string;
  /** The development identity-provider key file of each department, when development sign-in is on. */
  devKeyFiles?: Readonly<Record<Department, string>>;
  oidc?: { issuer: string; clientId: string; scope: string };
  /** The services' clock (CLOCK_TODAY in a demonstration, else the real calendar), whose day the console counts from. */
  clock: Clock;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): Readonly<GatewayConfig> {
  const { raw, common } = loadServiceConfig(gatewayConfigSchema, env);
  return Object.freeze({
    ...common,
    supergraphPath: raw.SUPERGRAPH_PATH,
    supergraphWatchMs: raw.SUPERGRAPH_WATCH_MS,
    subgraphUrls: Object.freeze({
      'hr-bureau': raw.HR_BUREAU_URL,
      union: raw.UNION_URL,
      court: raw.COURT_URL,
      justice: raw.JUSTICE_URL,
    }),
    guards: Object.freeze({
      'hr-bureau': guardOf(raw, raw.HR_BUREAU_TIMEOUT_MS),
      union: guardOf(raw, raw.UNION_TIMEOUT_MS),
      court: guardOf(raw, raw.COURT_TIMEOUT_MS),
      justice: guardOf(raw, raw.JUSTICE_TIMEOUT_MS),
    }),
    trustedDocuments: { dir: raw.TRUSTED_DOCUMENTS_DIR, exemptKids: raw.TRUSTED_DOCUMENTS_EXEMPT_KIDS },
    logLevel: raw.LOG_LEVEL,
    console: consoleSettingsOf(raw),
  });
}

function consoleSettingsOf(raw: z.infer<typeof gatewayConfigSchema>): ConsoleSettings {
  if (raw.CONSOLE_DEV_KEYS_DIR && raw.NODE_ENV === 'production') {
    throw new Error('CONSOLE_DEV_KEYS_DIR: development sign-in is refused with NODE_ENV=production');
  }
  if (Boolean(raw.CONSOLE_OIDC_ISSUER) !== Boolean(raw.CONSOLE_OIDC_CLIENT_ID)) {
    throw new Error('CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID: set both or neither');
  }
  const dir = raw.CONSOLE_DEV_KEYS_DIR;
  return {
    staticDir: raw.CONSOLE_DIR,
    clock: clockFrom(raw.CLOCK_TODAY),
    ...(dir
      ? {
          devKeyFiles: Object.fromEntries(
            Object.entries(SUBGRAPH_DEPARTMENTS).map(([name, department]) => [department, join(dir, `${name}-idp-key.json`)]),
          ) as Record<Department, string>,
        }
      : {}),
    ...(raw.CONSOLE_OIDC_ISSUER && raw.CONSOLE_OIDC_CLIENT_ID
      ? { oidc: { issuer: raw.CONSOLE_OIDC_ISSUER, clientId: raw.CONSOLE_OIDC_CLIENT_ID, scope: raw.CONSOLE_OIDC_SCOPE } }
      : {}),
  };
}

function guardOf(raw: z.infer<typeof gatewayConfigSchema>, ownTimeoutMs: number | undefined): GuardSettings {
  return {
    timeoutMs: ownTimeoutMs ?? raw.SUBGRAPH_TIMEOUT_MS,
    failuresToOpen: raw.BREAKER_FAILURES,
    halfOpenAfterMs: raw.BREAKER_HALF_OPEN_MS,
  };
}
