/**
 * `npm run bench:peers`'s settings (BENCH_* environment variables, listed in bench/peers.ts), the gateways and
 * rows it may run, and the loopback ports and URLs of the run.
 */
import { resolve } from 'node:path';
import type { DepartmentName } from '../../scripts/lib/services';
import { REPO_ROOT } from '../../scripts/lib/launcher-setup';
import type { LoadResult, RequestBody } from './load';

export const env = process.env;
const list = (value: string | undefined, all: readonly string[]): string[] =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...all];
export const OPTIONS = {
  durationMs: Number(env['BENCH_DURATION_S'] ?? 8) * 1000,
  maxRequests: Number(env['BENCH_MAX_REQUESTS'] ?? 5000),
  warmup: Number(env['BENCH_WARMUP'] ?? 40),
  connections: Number(env['BENCH_CONNECTIONS'] ?? 8),
  floorDossiers: Number(env['BENCH_FLOOR_DOSSIERS'] ?? 100),
  sqlFloor: env['BENCH_SQL_FLOOR'] !== '0',
  portBase: Number(env['BENCH_PORT_BASE'] ?? 5300),
  rounds: Math.max(1, Number(env['BENCH_ROUNDS'] ?? 2)),
  cpuProf: env['BENCH_CPU_PROF'] ? resolve(REPO_ROOT, env['BENCH_CPU_PROF']) : undefined,
};
export const GATEWAYS = ['stock', 'project', 'hive'] as const;
export type GatewayName = (typeof GATEWAYS)[number];
const ROWS = ['meeting', 'one', 'rotating', 'callers', 'dossier'] as const;
export type RowName = (typeof ROWS)[number];
export const selectedGateways = list(env['BENCH_GATEWAYS'], GATEWAYS) as GatewayName[];
export const selectedRows = list(env['BENCH_ROWS'], ROWS) as RowName[];
for (const name of selectedGateways)
  if (!GATEWAYS.includes(name)) throw new Error(`BENCH_GATEWAYS: "${name}" is not one of ${GATEWAYS.join(', ')}`);
for (const name of selectedRows) if (!ROWS.includes(name)) throw new Error(`BENCH_ROWS: "${name}" is not one of ${ROWS.join(', ')}`);

export const GATEWAY_PORT = OPTIONS.portBase;
export const DEPARTMENT_PORT: Record<DepartmentName, number> = {
  'hr-bureau': GATEWAY_PORT + 1,
  union: GATEWAY_PORT + 2,
  court: GATEWAY_PORT + 3,
  justice: GATEWAY_PORT + 4,
};
/** The three gateways run side by side, each on its own port, so that rounds can alternate between them. */
export const gatewayPort = (name: GatewayName): number => GATEWAY_PORT + 5 + GATEWAYS.indexOf(name);
export const gatewayUrl = (name: GatewayName): string => `http://127.0.0.1:${gatewayPort(name)}/graphql`;
export const GATEWAY_URL = gatewayUrl('project');
export const subgraphUrl = (name: DepartmentName): string => `http://127.0.0.1:${DEPARTMENT_PORT[name]}/graphql`;

export interface Row {
  name: RowName;
  title: string;
  bodies: RequestBody[];
  /** Headers per connection (a caller each); else every connection sends the one COORDINATOR's token. */
  headersOf?: (worker: number) => Record<string, string>;
}

export interface Cell {
  result?: LoadResult;
  gatewayCpuMs?: number;
  subgraphCpuMs?: number;
  /** Why the row was not timed through this gateway. */
  refused?: string;
}

export const say = (line = ''): void => void process.stdout.write(`${line}\n`);
