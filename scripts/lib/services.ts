import { compiledEntry, SOURCE_MAPS_PRELOAD, TELEMETRY_ENTRY } from './build';

/** Tracing's preload (OpenTelemetry: spans, W3C trace context, trace ids in the logs), as the build bundles it. */
const TELEMETRY_PRELOAD = `./${compiledEntry(TELEMETRY_ENTRY)}`;

/**
 * The five services the launcher runs, and the database each department gets. One table, so the
 * launcher, the demo reset and the provisioning agree on names, ports and environment variables.
 */

/** A department's service as the launcher runs it (its code in tokens and logs is the `Department` enum of @labour/shared). */
export interface DepartmentService {
  /** Service name, also the log prefix. */
  readonly name: 'hr-bureau' | 'union' | 'court' | 'justice';
  /** Prefix of its environment variables: `<P>_DATABASE_URL`, `<P>_PORT`, `<P>_URL`. */
  readonly envPrefix: 'HR_BUREAU' | 'UNION' | 'COURT' | 'JUSTICE';
  readonly entry: string;
  /** Node's flags when it runs from the compiled build. */
  readonly nodeFlags: readonly string[];
  readonly defaultPort: number;
  /** Database and LOGIN role in the development cluster. `union` is a reserved word, hence `union_db`. */
  readonly database: string;
  readonly role: string;
}

/**
 * Source maps for the project's own code, so that stack traces name .ts lines (see build.ts); then
 * tracing (shared/src/telemetry/preload.ts), preloaded so that it hooks into `http`, `undici` and `pg`
 * before the service loads them.
 */
const PRELOADS: readonly string[] = ['--require', SOURCE_MAPS_PRELOAD, '--require', TELEMETRY_PRELOAD];

/**
 * Node's flags for a subgraph from the compiled build (measured with `npm run bench:memory`). The preloads
 * (above). A young generation of 2 MB semi-spaces instead of V8's 16 (32 MB,
 * resident once touched), and V8's memory-saving heuristics (`--optimize-for-size`): 55-90 MB less per
 * subgraph after a load (about 125 MB instead of 180-220), for 14-22% more CPU per request in the
 * subgraphs (measured in one quiet run of bench:memory; the dossier's throughput through the gateway was
 * the same). Without these two flags a subgraph stays over 150 MB after a load.
 */
export const SUBGRAPH_NODE_FLAGS: readonly string[] = [...PRELOADS, '--max-semi-space-size=2', '--optimize-for-size'];

/**
 * The gateway's: the preloads only. A smaller young generation saves it 90-110 MB too, but costs it CPU per
 * request (+10 to +25% measured with 4 or 8 MB semi-spaces, +50% with the subgraphs' flags), and the
 * gateway's CPU per request is what its throughput is held to.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = [...PRELOADS];

export const DEPARTMENTS: readonly DepartmentService[] = [
  {
    name: 'hr-bureau',
    envPrefix: 'HR_BUREAU',
    entry: 'subgraphs/hr-bureau/src/main.ts',
    nodeFlags: SUBGRAPH_NODE_FLAGS,
    defaultPort: 4001,
    database: 'hr_bureau',
    role: 'hr_bureau_svc',
  },
  {
    name: 'union',
    envPrefix: 'UNION',
    entry: 'subgraphs/union/src/main.ts',
    nodeFlags: SUBGRAPH_NODE_FLAGS,
    defaultPort: 4002,
    database: 'union_db',
    role: 'union_svc',
  },
  {
    name: 'court',
    envPrefix: 'COURT',
    entry: 'subgraphs/court/src/main.ts',
    nodeFlags: SUBGRAPH_NODE_FLAGS,
    defaultPort: 4003,
    database: 'court',
    role: 'court_svc',
  },
  {
    name: 'justice',
    envPrefix: 'JUSTICE',
    entry: 'subgraphs/justice/src/main.ts',
    nodeFlags: SUBGRAPH_NODE_FLAGS,
    defaultPort: 4004,
    database: 'justice',
    role: 'justice_svc',
  },
];

export const GATEWAY = { name: 'gateway', entry: 'gateway/src/main.ts', nodeFlags: GATEWAY_NODE_FLAGS, defaultPort: 4000 } as const;

export type DepartmentName = DepartmentService['name'];

/** The variables through which the database URLs can be given instead of the embedded cluster. */
export function databaseUrlVariable(department: DepartmentService): string {
  return `${department.envPrefix}_DATABASE_URL`;
}

export function portVariable(department: DepartmentService): string {
  return `${department.envPrefix}_PORT`;
}

/**
 * How the services run: `dist`, the compiled build (scripts/lib/build.ts; what `npm start` uses), or `ts`,
 * their TypeScript compiled on load by @swc-node/register in every process (for comparing, bench:memory).
 */
export type ServiceRuntime = 'dist' | 'ts';

/** What a service is started with (by the Node running the launcher): its compiled entry point, or its TypeScript through swc. */
export function nodeArgs(
  service: { readonly entry: string; readonly nodeFlags: readonly string[] },
  extra: readonly string[] = [],
  runtime: ServiceRuntime = 'dist',
): string[] {
  if (runtime === 'ts') return ['-r', '@swc-node/register', '-r', `./${TELEMETRY_ENTRY}`, service.entry, ...extra];
  return [...service.nodeFlags, compiledEntry(service.entry), ...extra];
}

/**
 * The environment every service inherits: the launcher's own, minus the other departments' database
 * URLs (a department's process gets its own database URL as DATABASE_URL and nothing else).
 */
export function baseServiceEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...env };
  for (const department of DEPARTMENTS) delete base[databaseUrlVariable(department)];
  delete base.DATABASE_URL;
  delete base.TEST_PG_URL;
  return {
    ...base,
    APOLLO_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    NODE_ENV: env.NODE_ENV ?? 'development',
  };
}
