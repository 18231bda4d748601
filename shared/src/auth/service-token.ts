import type { JSONWebKeySet, JWK } from 'jose';
import { Role, type Department } from '../context/principal';
import { boundKeyOf, bindingViolation } from './key-binding';
import { mintToken } from './mint-token';

export interface ServiceTokenOptions {
  /** The calling department's private signing key (AUTH_SERVICE_KEY_PATH). */
  privateJwk: JWK;
  department: Department;
  /** Who the token names, e.g. `service:hr-bureau`. */
  subject: string;
  audience: string;
  /** The `iss` its tokens carry: the issuer the service key is bound to (`serviceIssuer(name)`). */
  issuer?: string;
  /** Token lifetime; default 10 minutes. */
  ttlSeconds?: number;
  /** Renew when less than this is left, so a token never expires in flight; default 2 minutes. */
  renewBeforeSeconds?: number;
  /** Milliseconds since the epoch; replaceable in tests. */
  now?: () => number;
}

/**
 * The issuer a subgraph's SERVICE tokens carry, and its service key is bound to in the trusted key set
 * (`"iss"` beside `"department"` and `"roles": ["SERVICE"]`): `labour-federation:service:hr-bureau`.
 */
export function serviceIssuer(subgraphName: string): string {
  return `labour-federation:service:${subgraphName}`;
}

/**
 * The SERVICE token a subgraph presents when it calls another service (e.g. the witnesses of its access-log heads):
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
      ...(options.issuer ? { iss: options.issuer } : {}),
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

/**
 * Why the trusted key set would refuse the SERVICE tokens a subgraph signs with `privateJwk`, judged by
 * the binding the set gives that key's `kid`; undefined when they pass, or when the set does not hold the
 * key (a set by URL, or one this service does not share with the services it calls).
 */
export function serviceKeyMismatch(
  privateJwk: JWK,
  jwks: JSONWebKeySet | URL,
  token: { department: Department; issuer: string },
  configuredIssuer?: string,
): string | undefined {
  if (jwks instanceof URL || privateJwk.kid === undefined) return undefined;
  const key = boundKeyOf(jwks, privateJwk.kid);
  if (!key) return undefined;
  return bindingViolation(key, { department: token.department, roles: [Role.SERVICE], iss: token.issuer }, configuredIssuer);
}
