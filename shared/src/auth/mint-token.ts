import { importJWK, SignJWT, type JWK } from 'jose';
import type { Department, Role } from '../context/principal';
import { TOKEN_ALGORITHMS, type TokenAlgorithm } from './signing-key';

/** What a token says about its holder, named as the claims are. */
export interface TokenClaims {
  sub: string;
  name: string;
  department: Department;
  roles: readonly Role[];
  aud: string;
  iss?: string;
}

/**
 * Signs a token with a private JWK (ES256 or RS256, from the key's `alg`), valid `ttlSeconds` from now.
 * For development and a department's own service tokens; production user tokens come from an identity provider.
 */
export async function mintToken(privateJwk: JWK, claims: TokenClaims & { ttlSeconds: number }): Promise<string> {
  const alg = (privateJwk.alg ?? 'ES256') as TokenAlgorithm;
  if (!TOKEN_ALGORITHMS.includes(alg)) throw new Error(`Cannot sign with ${alg}: use an ${TOKEN_ALGORITHMS.join(' or ')} key`);
  if (!Number.isFinite(claims.ttlSeconds)) throw new Error('ttlSeconds must be a finite number of seconds');
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ name: claims.name, department: claims.department, roles: [...claims.roles] })
    .setProtectedHeader({ alg, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setSubject(claims.sub)
    .setAudience(claims.aud)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.round(claims.ttlSeconds));
  if (claims.iss) jwt.setIssuer(claims.iss);
  return jwt.sign(await importJWK(privateJwk, alg));
}
