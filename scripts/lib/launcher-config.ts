import { resolve } from 'node:path';
import { DEFAULT_AUDIENCE } from '@labour/shared/auth';
import { isIsoDate, todayInChina } from '@labour/shared/legal-clock';
import type { PostgresLogMode } from './postgres-log-filter';
import { databaseUrlVariable, DEPARTMENTS, GATEWAY, portVariable, type DepartmentName, type ServiceRuntime } from './services';

/**
 * The launcher's own settings, read once from the environment and checked together, so one run reports
 * every mistake at once. Nothing secret has a default: external database URLs need LINKAGE_KEY too.
 */
export interface LauncherConfig {
  readonly repoRoot: string;
  /** Lock file, and (unless relocated, see cluster-location.ts) the cluster and its secrets. */
  readonly dataDir: string;
  readonly pgPort: number;
  readonly gatewayPort: number;
  readonly departmentPorts: Readonly<Record<DepartmentName, number>>;
  /**
   * METRICS_BASE_PORT: each service's Prometheus endpoint (METRICS_PORT), the gateway's on the base port and
   * the subgraphs' on the four after it; unset, no service serves metrics.
   */
  readonly metricsPorts?: Readonly<Record<'gateway' | DepartmentName, number>>;
  readonly demoScale: string;
  /**
   * The day the demo world is drawn as of, the same for all four subgraphs (they draw it separately):
   * DEMO_AS_OF, else the day CLOCK_TODAY pins the services' clock to, else today in China when the launcher starts.
   */
  readonly demoAsOf: string;
  readonly readyTimeoutMs: number;
  readonly postgresLog: PostgresLogMode;
  /** SERVICE_RUNTIME: `dist` (default), the compiled build, made first when missing or stale; `ts`, the TypeScript through swc. */
  readonly serviceRuntime: ServiceRuntime;
  /**
   * How the services verify tokens: with the keys named in the environment (AUTH_JWKS_PATH or
   * AUTH_JWKS_URL; required with external databases), else with the development key in the data directory.
   */
  readonly auth: { readonly fromEnvironment: boolean; readonly audience: string };
  /** Set when the four department database URLs come from the environment: no embedded PostgreSQL. */
  readonly external?: {
    readonly urls: Readonly<Record<DepartmentName, string>>;
    readonly linkageKey: string;
  };
}

/** The HOST values under which the services still answer on 127.0.0.1: loopback itself, or every address. */
const LAUNCHER_HOSTS = ['127.0.0.1', '0.0.0.0', '::'];

export class ConfigError extends Error {
  constructor(problems: readonly string[]) {
    super(`Invalid launcher configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readPort(env: NodeJS.ProcessEnv, variable: string, fallback: number, problems: string[]): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${variable}: "${raw}" is not a port number (1-65535)`);
  return port;
}

function readExternal(env: NodeJS.ProcessEnv, problems: string[]): LauncherConfig['external'] {
  const variables = DEPARTMENTS.map(databaseUrlVariable);
  const set = variables.filter((variable) => env[variable]);
  if (set.length === 0) return undefined;
  if (set.length < variables.length) {
    const missing = variables.filter((variable) => !env[variable]);
    problems.push(`set all four department database URLs or none (missing: ${missing.join(', ')})`);
    return undefined;
  }
  const urls = {} as Record<DepartmentName, string>;
  for (const department of DEPARTMENTS) {
    const variable = databaseUrlVariable(department);
    const url = env[variable] ?? '';
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push(`${variable}: must be a postgres:// URL`);
    urls[department.name] = url;
  }
  const linkageKey = env.LINKAGE_KEY ?? '';
  if (!/^[0-9a-fA-F]{64}$/.test(linkageKey)) {
    problems.push(
      'LINKAGE_KEY: required with external database URLs, 64 hexadecimal characters (the key the four departments share ' +
        "for personRef; generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\")",
    );
  }
  return { urls, linkageKey };
}

/** The data directory: DATA_DIR relative to the repository root, `.data` by default (also used by `npm run token`). */
export function dataDirFrom(env: NodeJS.ProcessEnv, repoRoot: string): string {
  return resolve(repoRoot, env.DATA_DIR || '.data');
}

function readAuth(env: NodeJS.ProcessEnv, external: boolean, problems: string[]): LauncherConfig['auth'] {
  const fromEnvironment = Boolean(env.AUTH_JWKS_PATH || env.AUTH_JWKS_URL);
  // A development key belongs to a development cluster: real databases mean real identities.
  if (external && !fromEnvironment) {
    problems.push(
      "AUTH_JWKS_PATH or AUTH_JWKS_URL: required with external database URLs (the public keys that verify callers' tokens; " +
        'only the embedded PostgreSQL comes with a development signing key)',
    );
  }
  return { fromEnvironment, audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE };
}

export function readLauncherConfig(env: NodeJS.ProcessEnv, repoRoot: string): LauncherConfig {
  const problems: string[] = [];
  const departmentPorts = {} as Record<DepartmentName, number>;
  for (const department of DEPARTMENTS) {
    departmentPorts[department.name] = readPort(env, portVariable(department), department.defaultPort, problems);
  }
  const demoScale = env.DEMO_SCALE ?? '1';
  if (!/^[1-9]\d*$/.test(demoScale)) problems.push(`DEMO_SCALE: "${demoScale}" is not a positive whole number`);
  // CLOCK_TODAY reaches the services with the rest of the environment; they check it again.
  if (env.CLOCK_TODAY !== undefined && !isIsoDate(env.CLOCK_TODAY))
    problems.push(`CLOCK_TODAY: "${env.CLOCK_TODAY}" is not a date written YYYY-MM-DD`);
  const demoAsOf = env.DEMO_AS_OF ?? env.CLOCK_TODAY ?? todayInChina();
  if (!isIsoDate(demoAsOf)) problems.push(`DEMO_AS_OF: "${demoAsOf}" is not a date written YYYY-MM-DD`);
  const readySeconds = Number(env.READY_TIMEOUT_SECONDS ?? '180');
  if (!(readySeconds > 0)) problems.push(`READY_TIMEOUT_SECONDS: "${env.READY_TIMEOUT_SECONDS}" is not a positive number`);
  // HOST reaches the services with the rest of the environment; the launcher itself (readiness, the
  // registry and peer URLs it hands out) talks to them on 127.0.0.1, which only these addresses include.
  if (env.HOST !== undefined && !LAUNCHER_HOSTS.includes(env.HOST)) {
    problems.push(`HOST: "${env.HOST}" is not an address npm start can reach its services on (${LAUNCHER_HOSTS.join(', ')})`);
  }
  const postgresLog = env.POSTGRES_LOG ?? 'problems';
  if (postgresLog !== 'problems' && postgresLog !== 'all') problems.push(`POSTGRES_LOG: "${postgresLog}" must be "problems" or "all"`);
  const serviceRuntime = env.SERVICE_RUNTIME || 'dist';
  if (serviceRuntime !== 'dist' && serviceRuntime !== 'ts')
    problems.push(`SERVICE_RUNTIME: "${serviceRuntime}" must be "dist" (the compiled build) or "ts" (TypeScript through swc)`);

  const metricsBase = env.METRICS_BASE_PORT ? readPort(env, 'METRICS_BASE_PORT', 0, problems) : undefined;
  if (metricsBase !== undefined && metricsBase + DEPARTMENTS.length > 65535)
    problems.push(`METRICS_BASE_PORT: "${metricsBase}" leaves no room for the ${DEPARTMENTS.length} ports after it`);
  if (env.METRICS_TOKEN && metricsBase === undefined)
    problems.push('METRICS_TOKEN: set METRICS_BASE_PORT too (the services serve metrics only on ports of their own)');
  const metricsPorts =
    metricsBase === undefined
      ? undefined
      : (Object.fromEntries([
          [GATEWAY.name, metricsBase],
          ...DEPARTMENTS.map((department, i) => [department.name, metricsBase + 1 + i]),
        ]) as Record<'gateway' | DepartmentName, number>);

  const external = readExternal(env, problems);
  const config: LauncherConfig = {
    repoRoot,
    dataDir: dataDirFrom(env, repoRoot),
    pgPort: readPort(env, 'PG_PORT', 54329, problems),
    gatewayPort: readPort(env, 'GATEWAY_PORT', GATEWAY.defaultPort, problems),
    departmentPorts,
    ...(metricsPorts ? { metricsPorts } : {}),
    demoScale,
    demoAsOf,
    readyTimeoutMs: readySeconds * 1000,
    postgresLog: postgresLog as PostgresLogMode,
    serviceRuntime: serviceRuntime as ServiceRuntime,
    external,
    auth: readAuth(env, external !== undefined, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
