import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwksCache,
  jwtVerify,
  type CryptoKey,
  type ExportedJWKSCache,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import type { Principal } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import type { AuthConfig } from './auth-config';
import { bindingOf, bindingViolation, boundKeysOf, keyLabel, type BoundKey } from './key-binding';
import { TOKEN_ALGORITHMS } from './signing-key';
import { principalFromClaims } from './token-claims';
import { DEFAULT_TOKEN_CACHE_SIZE, VerifiedTokenCache } from './token-cache';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, formatDuration, IAT_LEEWAY_SECONDS } from './token-lifetime';
import { verificationError } from './verification-errors';

/** Verifies one token and returns who it names; throws UnauthenticatedError saying why not. */
export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * The trusted keys: jose resolves the key that checks the signature, and the same set (as jose holds it)
 * gives that key's binding. Throws UNAUTHENTICATED (or jose's error) when the header names no usable key.
 */
interface TrustedKeys {
  (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<{ key: CryptoKey; signer: BoundKey }>;
  /**
   * The version of the key set in use: a token verified under another one (the provider's set was
   * refetched) is verified again. undefined when the set in use is stale and must be fetched again.
   */
  current(): unknown;
}

const noKid = () =>
  new UnauthenticatedError(
    'The token names no key ("kid" in its header), and several keys are trusted: a token must name the key that signed it',
  );

/** A key file read at start: every key's binding was checked then, so a lookup by kid is all that is left. */
function localKeys(jwks: JSONWebKeySet): TrustedKeys {
  const bound = boundKeysOf(jwks, 'the trusted key set');
  const byKid = new Map(bound.filter((key) => key.kid !== undefined).map((key) => [key.kid!, key]));
  const resolve = createLocalJWKSet(jwks);
  const signerOf = (header: JWSHeaderParameters): BoundKey => {
    if (bound.length === 1 && (header.kid === undefined || header.kid === bound[0]!.kid)) return bound[0]!;
    if (header.kid === undefined) throw noKid();
    const key = byKid.get(header.kid);
    if (!key) throw new errors.JWKSNoMatchingKey();
    return key;
  };
  const keys = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const signer = signerOf(header);
    return { signer, key: await resolve(header, token) };
  };
  // Read once at start: the set never changes for the life of the verifier.
  return Object.assign(keys, { current: () => jwks });
}

/**
 * A provider's key set by URL: jose fetches, caches and refetches it for an unknown `kid`; the binding
 * members come from the set jose holds (`jwks()`), checked key by key since a fetched set can change.
 */
function remoteKeys(url: URL): TrustedKeys {
  // jose writes the time of each successful fetch here: the version of the set it holds.
  const fetched = {} as Partial<ExportedJWKSCache>;
  const remote = createRemoteJWKSet(url, { [jwksCache]: fetched as Record<string, never> });
  const signerOf = (header: JWSHeaderParameters): BoundKey => {
    const keys = remote.jwks()?.keys ?? [];
    if (header.kid === undefined && keys.length > 1) throw noKid();
    const matches =
      header.kid === undefined
        ? keys.map((jwk, index) => ({ jwk, index }))
        : keys.flatMap((jwk, index) => (jwk.kid === header.kid ? [{ jwk, index }] : []));
    if (matches.length === 0) throw new errors.JWKSNoMatchingKey();
    const { jwk, index } = matches[0]!;
    const label = `${url.href}: ${keyLabel(index, jwk.kid)}`;
    if (matches.length > 1) throw new UnauthenticatedError(`The token could not be verified: several trusted keys have its kid (${label})`);
    const binding = bindingOf(jwk);
    if (typeof binding === 'string') throw new UnauthenticatedError(`The key that signed the token is not usable: ${label} ${binding}`);
    return Object.freeze({ index, ...(jwk.kid !== undefined ? { kid: jwk.kid } : {}), ...binding, jwk });
  };
  const keys = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    let key: CryptoKey;
    try {
      key = await remote(header, token);
    } catch (error) {
      // Several candidates for a token without a kid: refused with the reason rather than tried in turn.
      if (error instanceof errors.JWKSMultipleMatchingKeys && header.kid === undefined) throw noKid();
      throw error;
    }
    return { key, signer: signerOf(header) };
  };
  // Past jose's cache age the set is due for a refetch, which only a verification makes: no verified
  // token is taken from the cache until then, nor one verified under a set fetched before the last fetch.
  return Object.assign(keys, { current: () => (remote.fresh ? fetched.uat : undefined) });
}

/**
 * A verifier over the configured keys. Only ES256 and RS256 are accepted, so neither `alg: none` nor
 * an HMAC token signed with a public key taken for a secret can pass; `exp`, `iat` and `aud` are
 * required; `exp - iat` may not exceed the maximum lifetime; and the claims may not exceed the binding
 * of the key that signed the token (its department, its roles, its issuer). A key file whose keys are
 * not all bound is refused here, at start. Each verified token is kept until its `exp`
 * (VerifiedTokenCache): the same token is verified once, not once per request, and again after a change
 * of the key set.
 */
export interface TokenVerifierOptions {
  /** The clock, in milliseconds since the epoch; default Date.now. */
  now?: () => number;
  /** Verified tokens kept (token-cache.ts); default DEFAULT_TOKEN_CACHE_SIZE, 0 keeps none. */
  cacheSize?: number;
}

export function createTokenVerifier(config: AuthConfig, options: TokenVerifierOptions = {}): TokenVerifier {
  const keys = config.jwks instanceof URL ? remoteKeys(config.jwks) : localKeys(config.jwks);
  const maxLifetime = config.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const now = options.now ?? Date.now;
  const cache = new VerifiedTokenCache(options.cacheSize ?? DEFAULT_TOKEN_CACHE_SIZE);
  return async (token) => {
    const at = now();
    const keySet = keys.current();
    if (keySet !== undefined) {
      const cached = cache.get(token, at, keySet);
      if (cached) return cached;
    }
    try {
      let signer: BoundKey | undefined;
      const { payload } = await jwtVerify(
        token,
        async (header, input) => {
          const found = await keys(header, input);
          signer = found.signer;
          return found.key;
        },
        { algorithms: [...TOKEN_ALGORITHMS], audience: config.audience, requiredClaims: ['exp', 'iat'], currentDate: new Date(at) },
      );
      const principal = principalFromClaims(payload);
      const lifetime = payload.exp! - payload.iat!;
      if (lifetime > maxLifetime) {
        throw new UnauthenticatedError(
          `The token lives too long: exp - iat is ${formatDuration(lifetime)}, more than the ${formatDuration(maxLifetime)} this service accepts (MAX_TOKEN_LIFETIME)`,
        );
      }
      if (payload.iat! > at / 1000 + IAT_LEEWAY_SECONDS) {
        throw new UnauthenticatedError("The token was issued in the future (iat): its issuer's clock is wrong");
      }
      const violation = bindingViolation(
        signer!,
        { department: principal.department, roles: principal.roles, iss: payload.iss },
        config.issuer,
      );
      if (violation) throw new UnauthenticatedError(violation);
      // Under the set that verified it (read after jose's fetch, if any); never a refused token.
      const verifiedUnder = keys.current();
      if (verifiedUnder !== undefined) cache.set(token, principal, payload.exp!, verifiedUnder);
      return principal;
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
