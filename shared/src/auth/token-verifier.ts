import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import type { Principal } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import type { AuthConfig } from './auth-config';
import { TOKEN_ALGORITHMS } from './signing-key';
import { principalFromClaims } from './token-claims';
import { verificationError } from './verification-errors';

/** Verifies one token and returns who it names; throws UnauthenticatedError saying why not. */
export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * A verifier over the configured keys. Only ES256 and RS256 are accepted, so neither `alg: none` nor
 * an HMAC token signed with a public key taken for a secret can pass; `exp` is required, `aud` checked.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keys = config.jwks instanceof URL ? createRemoteJWKSet(config.jwks) : createLocalJWKSet(config.jwks);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...TOKEN_ALGORITHMS],
        audience: config.audience,
        ...(config.issuer ? { issuer: config.issuer } : {}),
        requiredClaims: ['exp'],
      });
      return principalFromClaims(payload);
    } catch (error) {
      throw verificationError(error, token, config.audience);
    }
  };
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/** The principal of an `Authorization: Bearer <token>` header; UNAUTHENTICATED when absent or not a bearer token. */
export async function principalFromAuthorization(header: string | null | undefined, verify: TokenVerifier): Promise<Principal> {
  if (!header?.trim()) throw new UnauthenticatedError('Authentication required: send an "Authorization: Bearer <token>" header');
  const match = BEARER.exec(header.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  return verify(match[1]!);
}
