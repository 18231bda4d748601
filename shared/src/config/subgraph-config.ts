import { z } from 'zod';
import { loadConfig, logLevelVar, nodeEnvVar, portVar } from './load-config';

/** What every department subgraph reads from its environment (see `.env.example`). */
export const subgraphConfigSchema = z.object({
  PORT: portVar,
  DATABASE_URL: z.string().url().startsWith('postgres', 'must be a postgres:// or postgresql:// URL'),
  /** The linkage key the four departments share for personRef: 32 bytes as 64 hex characters. */
  LINKAGE_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes)'),
  /** `if-empty`: load demo data into an empty database; `reset`: wipe and reload; `off`: never. */
  DEMO_DATA: z.enum(['off', 'if-empty', 'reset']).default('off'),
  DEMO_SCALE: z.coerce.number().int().min(1).max(200).default(1),
  /** The day the demo world is drawn as of (YYYY-MM-DD); today in China when unset. All four must agree. */
  DEMO_AS_OF: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').optional(),
  LOG_LEVEL: logLevelVar,
  NODE_ENV: nodeEnvVar,
});

export interface SubgraphConfig {
  port: number;
  databaseUrl: string;
  linkageKey: Buffer;
  demoData: 'off' | 'if-empty' | 'reset';
  demoScale: number;
  demoAsOf: string | null;
  logLevel: string;
  production: boolean;
}

export function loadSubgraphConfig(env: NodeJS.ProcessEnv = process.env): Readonly<SubgraphConfig> {
  const raw = loadConfig(subgraphConfigSchema, env);
  return Object.freeze({
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    linkageKey: Buffer.from(raw.LINKAGE_KEY, 'hex'),
    demoData: raw.DEMO_DATA,
    demoScale: raw.DEMO_SCALE,
    demoAsOf: raw.DEMO_AS_OF ?? null,
    logLevel: raw.LOG_LEVEL,
    production: raw.NODE_ENV === 'production',
  });
}
