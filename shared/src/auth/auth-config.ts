import type { JSONWebKeySet, JWK } from 'jose';
import { z } from 'zod';
import { loadConfig } from '../config/load-config';
import { readJwksFile, readPrivateJwkFile } from './key-files';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, parseDuration } from './token-lifetime';

/** The audience every service of the federation checks unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_AUDIENCE = 'labour-dispute-federation';

/** How a service verifies callers' tokens. */
export interface AuthConfig {
  /**
   * The trusted public keys: a key set (read from a file) or the URL of one (fetched and cached by jose).
   * Each key carries its binding (`department`, optional `roles` and `iss`; see key-binding.ts).
   */
  jwks: JSONWebKeySet | URL;
  /** The `aud` a token must carry. */
  audience: string;
  /** The `iss` a token must carry when the key that signed it names none of its own (a bound `iss`). */
  issuer?: string;
  /** The longest a token may live, `exp - iat`, in seconds; default 12 h (DEFAULT_MAX_TOKEN_LIFETIME_SECONDS). */
  maxTokenLifetimeSeconds?: number;
}

/** A zod transform that reads a file named by a variable at start, reporting a bad file as that variable's problem. */
function readAtStart<T>(read: (path: string) => T) {
  return (path: string | undefined, ctx: z.RefinementCtx): T | undefined => {
    if (path === undefined) return undefined;
    try {
      return read(path);
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
      return z.NEVER;
    }
  };
}

/** A variable naming a JWKS file; parses to the key set. */
export const jwksFileVar = z.string().min(1).optional().transform(readAtStart(readJwksFile));
/** A variable naming a private JWK file; parses to the key. */
export const privateJwkFileVar = z.string().min(1).optional().transform(readAtStart(readPrivateJwkFile));

const MIN_LIFETIME = 60;
const MAX_LIFETIME = 30 * 86_400;

/** The identity variables, spread into each service's own configuration schema. */
export const authEnvShape = {
  AUTH_JWKS_PATH: jwksFileVar,
  AUTH_JWKS_URL: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), 'must be an http:// or https:// URL')
    .optional(),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  // Empty means unset: docker compose passes `${AUTH_ISSUER:-}` through as an empty string.
  AUTH_ISSUER: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  // Seconds (43200) or a duration (12h, 90m, 1d); empty means the default, as for AUTH_ISSUER.
  MAX_TOKEN_LIFETIME: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (text === undefined) return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
        const seconds = parseDuration(text);
        if (seconds !== null && seconds >= MIN_LIFETIME && seconds <= MAX_LIFETIME) return seconds;
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must be seconds (43200) or a duration with s, m, h or d (12h), from 1m to 30d',
        });
        return z.NEVER;
      }),
  ),
};

interface AuthEnv {
  AUTH_JWKS_PATH?: JSONWebKeySet;
  AUTH_JWKS_URL?: string;
  AUTH_AUDIENCE: string;
  AUTH_ISSUER?: string;
  MAX_TOKEN_LIFETIME: number;
}

/** Exactly one source of keys: two would leave it unclear which one a service trusts. */
export function requireOneKeySource(value: { AUTH_JWKS_PATH?: unknown; AUTH_JWKS_URL?: unknown }, ctx: z.RefinementCtx): void {
  const hasPath = value.AUTH_JWKS_PATH !== undefined;
  if (hasPath !== (value.AUTH_JWKS_URL !== undefined)) return;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    path: ['AUTH_JWKS_PATH'],
    message: hasPath
      ? 'set AUTH_JWKS_PATH or AUTH_JWKS_URL, not both'
      : "required, or AUTH_JWKS_URL: the public keys (JWKS) that verify callers' tokens",
  });
}

/** The AuthConfig of parsed identity variables (after requireOneKeySource). */
export function authConfigOf(env: AuthEnv): Readonly<AuthConfig> {
  const jwks = env.AUTH_JWKS_PATH ?? (env.AUTH_JWKS_URL ? new URL(env.AUTH_JWKS_URL) : undefined);
  if (!jwks) throw new Error('Invalid configuration:\n  AUTH_JWKS_PATH: required, or AUTH_JWKS_URL');
  return Object.freeze({
    jwks,
    audience: env.AUTH_AUDIENCE,
    ...(env.AUTH_ISSUER ? { issuer: env.AUTH_ISSUER } : {}),
    maxTokenLifetimeSeconds: env.MAX_TOKEN_LIFETIME,
  });
}

/** Reads AUTH_JWKS_PATH or AUTH_JWKS_URL, AUTH_AUDIENCE, AUTH_ISSUER and MAX_TOKEN_LIFETIME; stops with a message naming each bad variable. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Readonly<AuthConfig> {
  return authConfigOf(loadConfig(z.object(authEnvShape).superRefine(requireOneKeySource), env));
}

/** Reads the private JWK named by AUTH_SERVICE_KEY_PATH (development only), or undefined when unset. */
export function serviceKeyFromEnv(env: NodeJS.ProcessEnv = process.env): JWK | undefined {
  return loadConfig(z.object({ AUTH_SERVICE_KEY_PATH: privateJwkFileVar }), env).AUTH_SERVICE_KEY_PATH;
}
