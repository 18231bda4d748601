import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { DEFAULT_AUDIENCE, publicJwkOf, type AuthConfig, type Department, type Role } from '@labour/shared';
import type { JWK } from 'jose';

/**
 * Tokens for tests. One ES256 key pair per test process (per test file under Jest), made here and never
 * written anywhere; services under test trust it through TEST_AUTH. Signing is synchronous (node:crypto),
 * so a token can be made inline in an argument list: `query(q, vars, asPrincipal(Department.COURT, Role.ADMIN))`.
 */

const keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = `test-${randomBytes(6).toString('hex')}`;

/** The private half as a JWK, for code under test that signs its own tokens (mintToken, service tokens). */
export const TEST_PRIVATE_JWK: JWK = { ...(keyPair.privateKey.export({ format: 'jwk' }) as JWK), kid: KID, alg: 'ES256', use: 'sig' };

/** How every service under test verifies tokens. */
export const TEST_AUTH: AuthConfig = Object.freeze({ jwks: { keys: [publicJwkOf(TEST_PRIVATE_JWK)] }, audience: DEFAULT_AUDIENCE });

export interface TokenRequest {
  department: Department;
  roles: readonly Role[];
  name?: string;
  sub?: string;
  /** Seconds until expiry; default one hour; negative gives an expired token. */
  ttlSeconds?: number;
  audience?: string;
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact JWS over any header and payload, signed ES256 with `key` (default: the test key). Lets
 * tests build the tokens the services must refuse; the header's `alg` is written as given.
 */
export function signJwt(header: object, payload: object, key: KeyObject = keyPair.privateKey): string {
  const input = `${part({ alg: 'ES256', typ: 'JWT', kid: KID, ...header })}.${part(payload)}`;
  // JWS wants the raw r||s signature (IEEE P1363), not DER.
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** The claims of a test token, as a verifier sees them. */
export function testClaims(request: TokenRequest): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const roles = request.roles.map((role) => role.toLowerCase()).join('-');
  return {
    sub: request.sub ?? `test:${request.department.toLowerCase()}:${roles}`,
    name: request.name ?? `测试 ${request.department} ${roles}`,
    department: request.department,
    roles: [...request.roles],
    aud: request.audience ?? TEST_AUTH.audience,
    iat: now,
    exp: now + (request.ttlSeconds ?? 3600),
  };
}

/** A token the services under test accept (unless ttlSeconds or audience says otherwise), synchronously. */
export function testToken(request: TokenRequest): string {
  return signJwt({}, testClaims(request));
}

/** A token the services under test accept (unless ttlSeconds or audience says otherwise). */
export async function tokenFor(request: TokenRequest): Promise<string> {
  return testToken(request);
}

/** `{ authorization: 'Bearer …' }` for a principal of `department` with `roles`, to pass as a request's headers. */
export function asPrincipal(department: Department, ...roles: Role[]): { authorization: string } {
  return { authorization: `Bearer ${testToken({ department, roles })}` };
}

/** Whether headers already say who is calling (then a harness adds no default token). */
export function hasAuthorization(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'authorization');
}
