import { compiledEntry } from './build';

/**
 * The five services the launcher runs, and the database each department gets. One table, so the
 * launcher, the demo reset and the provisioning agree on names, ports and environment variables.
 */

export interface Department {
  /** Service name, also the log prefix. */
  readonly name: 'hr-bureau' | 'union' | 'court' | 'justice';
  /** Prefix of its environment variables: `<P>_DATABASE_URL`, `<P>_PORT`, `<P>_URL`. */
  readonly envPrefix: 'HR_BUREAU' | 'UNION' | 'COURT' | 'JUSTICE';
  readonly entry: string;
  readonly defaultPort: number;
  /** Database and LOGIN role in the development cluster. `union` is a reserved word, hence `union_db`. */
  readonly database: string;
  readonly role: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'hr-bureau', envPrefix: 'HR_BUREAU', entry: 'subgraphs/hr-bureau/src/main.ts', defaultPort: 4001, database: 'hr_bureau', role: 'hr_bureau_svc' },
  { name: 'union', envPrefix: 'UNION', entry: 'subgraphs/union/src/main.ts', defaultPort: 4002, database: 'union_db', role: 'union_svc' },
  { name: 'court', envPrefix: 'COURT', entry: 'subgraphs/court/src/main.ts', defaultPort: 4003, database: 'court', role: 'court_svc' },
  { name: 'justice', envPrefix: 'JUSTICE', entry: 'subgraphs/justice/src/main.ts', defaultPort: 4004, database: 'justice', role: 'justice_svc' },
];

export const GATEWAY = { name: 'gateway', entry: 'gateway/src/main.ts', defaultPort: 4000 } as const;

export type DepartmentName = Department['name'];

/** The variables through which the database URLs can be given instead of the embedded cluster. */
export function databaseUrlVariable(department: Department): string {
  return `${department.envPrefix}_DATABASE_URL`;
}

export function portVariable(department: Department): string {
  return `${department.envPrefix}_PORT`;
}

/**
 * How the services run: `dist`, the compiled build (scripts/lib/build.ts; what `npm start` uses), or `ts`,
 * their TypeScript compiled on load by @swc-node/register in every process (for comparing, bench:memory).
 */
export type ServiceRuntime = 'dist' | 'ts';

/**
 * Node's flags for a service from the compiled build. Source maps, so that stack traces name .ts lines.
 * A young generation of 16 MB semi-spaces instead of Node's default, which grows the space to 32 MB
 * (×3 with the scavenger's copy) under load, resident once touched: a service allocates in short bursts
 * per request, and measured (bench:memory) this keeps each service well under its memory budget at the
 * same throughput.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--enable-source-maps'];

/** What a service is started with (by the Node running the launcher): its compiled entry point, or its TypeScript through swc. */
export function nodeArgs(entry: string, extra: readonly string[] = [], runtime: ServiceRuntime = 'dist'): string[] {
  if (runtime === 'ts') return ['-r', '@swc-node/register', entry, ...extra];
  return [...SERVICE_NODE_FLAGS, ...(process.env.XX_FLAGS ?? '').split(' ').filter(Boolean), compiledEntry(entry), ...extra];
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
