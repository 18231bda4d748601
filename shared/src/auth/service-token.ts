import type { JWK } from 'jose';
import { Role, type Department } from '../context/principal';
import { mintToken } from './mint-token';

export interface ServiceTokenOptions {
  /** The calling department's private signing key (AUTH_SERVICE_KEY_PATH). */
  privateJwk: JWK;
  department: Department;
  /** Who the token names, e.g. `service:hr-bureau`. */
  subject: string;
  audience: string;
  /** Token lifetime; default 10 minutes. */
  ttlSeconds?: number;
  /** Renew when less than this is left, so a token never expires in flight; default 2 minutes. */
  renewBeforeSeconds?: number;
  /** Milliseconds since the epoch; replaceable in tests. */
  now?: () => number;
}

/**
 * The SERVICE token a subgraph presents when it calls another service (e.g. the channel registry):
 * minted once and reused until shortly before it expires, so calls do not pay for a signature each.
 */
export function createServiceTokenSource(options: ServiceTokenOptions): () => Promise<string> {
  const ttlSeconds = options.ttlSeconds ?? 600;
  const renewBeforeMs = (options.renewBeforeSeconds ?? 120) * 1000;
  if (ttlSeconds * 1000 <= renewBeforeMs) throw new Error('ttlSeconds must be longer than renewBeforeSeconds');
  const now = options.now ?? Date.now;
  let current: { token: Promise<string>; expiresAt: number } | undefined;

  return () => {
    if (current && now() < current.expiresAt - renewBeforeMs) return current.token;
    const expiresAt = now() + ttlSeconds * 1000;
    const token = mintToken(options.privateJwk, {
      sub: options.subject,
      name: `${options.department} service`,
      department: options.department,
      roles: [Role.SERVICE],
      aud: options.audience,
      ttlSeconds,
    });
    const entry = { token, expiresAt };
    current = entry;
    // A failed signature is not cached: the next call tries again.
    token.catch(() => {
      if (current === entry) current = undefined;
    });
    return token;
  };
}
