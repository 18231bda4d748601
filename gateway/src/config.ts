import { join } from 'node:path';
import { authConfigOf, authEnvShape, loadConfig, logLevelVar, nodeEnvVar, portVar, requireOneKeySource, type AuthConfig } from '@labour/shared';
import { z } from 'zod';

const subgraphUrl = z.string().url().optional();

/** What the gateway reads from its environment (see `.env.example`). */
const gatewayConfigSchema = z.object({
  PORT: portVar.default(4000),
  /** The committed, composed supergraph; regenerate with `npm run schema:generate`. */
  SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', 'supergraph.graphql')),
  /** Where each subgraph listens; unset means the URL written in the supergraph (local ports 4001-4004). */
  HR_BUREAU_URL: subgraphUrl,
  UNION_URL: subgraphUrl,
  COURT_URL: subgraphUrl,
  JUSTICE_URL: subgraphUrl,
  LOG_LEVEL: logLevelVar,
  NODE_ENV: nodeEnvVar,
  /** AUTH_JWKS_PATH or AUTH_JWKS_URL, AUTH_AUDIENCE, AUTH_ISSUER: how callers' tokens are verified. */
  ...authEnvShape,
});

export interface GatewayConfig {
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name as the supergraph names them (hr-bureau, union, court, justice). */
  subgraphUrls: Readonly<Record<string, string | undefined>>;
  logLevel: string;
  /** Every call to /graphql must carry a token these keys verify (and every subgraph checks it again). */
  auth: AuthConfig;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): Readonly<GatewayConfig> {
  const raw = loadConfig(gatewayConfigSchema.superRefine(requireOneKeySource), env);
  return Object.freeze({
    port: raw.PORT,
    supergraphPath: raw.SUPERGRAPH_PATH,
    subgraphUrls: Object.freeze({
      'hr-bureau': raw.HR_BUREAU_URL,
      union: raw.UNION_URL,
      court: raw.COURT_URL,
      justice: raw.JUSTICE_URL,
    }),
    logLevel: raw.LOG_LEVEL,
    auth: authConfigOf(raw),
  });
}
