import { sign, type KeyObject } from 'node:crypto';
import { bindKey, DEFAULT_AUDIENCE, Department, publicJwkOf, Role, serviceIssuer, type AuthConfig, type KeyBinding } from '@labour/shared';
import type { JWK } from 'jose';
import { testKeyMaterial } from './test-keys';

/**
 * Tokens for tests. Per test process (per test file under Jest), made here and never written anywhere,
 * as `npm start` makes them (unless LABOUR_TEST_KEYS gives them: the e2e project makes them once per run,
 * so that a stack in another process trusts them too, see test-keys.ts): one key per department (its
 * identity provider: any role of that department) and one service key per subgraph (its department, SERVICE only, its own issuer). Services under test
 * trust all eight, each bound to its department, through TEST_AUTH. Signing is synchronous (node:crypto),
 * so a token can be made inline in an argument list: `query(q, vars, asPrincipal(Department.COURT, Role.ADMIN))`.
 */

/** One test key: its private halves, its kid, and what the trusted set binds it to. */
export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The private half as a JWK, for code under test that signs its own tokens (mintToken, service tokens). */
  readonly privateJwk: JWK;
  readonly binding: KeyBinding;
}

function makeKey(label: string, binding: KeyBinding): TestKey {
  const { kid, privateKey, privateJwk: jwk } = testKeyMaterial(label);
  const privateJwk: JWK = { ...(jwk as JWK), kid, alg: 'ES256', use: 'sig' };
  return Object.freeze({ kid, privateKey, privateJwk, binding });
}

/** The subgraph of each department, by the name its service key is issued for. */
const SUBGRAPH_OF: Record<Department, string> = {
  [Department.HR_BUREAU]: 'hr-bureau',
  [Department.UNION]: 'union',
  [Department.COURT]: 'court',
  [Department.JUSTICE]: 'justice',
};

/** Each department's identity-provider key: what user tokens of that department are signed with. */
export const TEST_IDP_KEYS: Readonly<Record<Department, TestKey>> = Object.freeze(
  Object.fromEntries(
    Object.values(Department).map((department) => [department, makeKey(department.toLowerCase(), { department })]),
  ) as Record<Department, TestKey>,
);

/** Each subgraph's service key (by subgraph name: `hr-bureau`, …), bound to SERVICE and `serviceIssuer(name)`. */
export const TEST_SERVICE_KEYS: Readonly<Record<string, TestKey>> = Object.freeze(
  Object.fromEntries(
    Object.values(Department).map((department) => {
      const name = SUBGRAPH_OF[department];
      return [name, makeKey(`${name}-service`, { department, roles: [Role.SERVICE], iss: serviceIssuer(name) })];
    }),
  ),
);

/** The private JWK a subgraph under test signs its own SERVICE tokens with (as AUTH_SERVICE_KEY_PATH gives it). */
export function testServiceKey(subgraphName: string): JWK {
  const key = TEST_SERVICE_KEYS[subgraphName];
  if (!key) throw new Error(`no test service key for ${subgraphName}`);
  return key.privateJwk;
}

/** How every service under test verifies tokens: the eight keys, each bound to its department. */
export const TEST_AUTH: AuthConfig = Object.freeze({
  jwks: {
    keys: [...Object.values(TEST_IDP_KEYS), ...Object.values(TEST_SERVICE_KEYS)].map((key) =>
      bindKey(publicJwkOf(key.privateJwk), key.binding),
    ),
  },
  audience: DEFAULT_AUDIENCE,
});

export interface TokenRequest {
  department: Department;
  roles: readonly Role[];
  name?: string;
  sub?: string;
  /** Seconds until expiry; default one hour; negative gives an expired token. */
  ttlSeconds?: number;
  audience?: string;
  /** The `iss` claim; default none. */
  issuer?: string;
  /** The key that signs it; default the identity-provider key of the token's department. */
  signedBy?: TestKey;
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The identity-provider key of a token's department (the union's for a department that does not exist). */
function defaultKey(payload: object): TestKey {
  return TEST_IDP_KEYS[(payload as { department?: Department }).department!] ?? TEST_IDP_KEYS[Department.UNION];
}

/**
 * A compact JWS over any header and payload, signed ES256 with `key` (default: the identity-provider key
 * of the payload's department, under its kid). Lets tests build the tokens the services must refuse;
 * the header's `alg` and `kid` are written as given.
 */
export function signJwt(header: object, payload: object, key?: KeyObject): string {
  const known = defaultKey(payload);
  const input = `${part({ alg: 'ES256', typ: 'JWT', kid: known.kid, ...header })}.${part(payload)}`;
  // JWS wants the raw r||s signature (IEEE P1363), not DER.
  return `${input}.${sign('sha256', Buffer.from(input), { key: key ?? known.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
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
    ...(request.issuer !== undefined ? { iss: request.issuer } : {}),
    iat: now,
    exp: now + (request.ttlSeconds ?? 3600),
  };
}

/** A token the services under test accept (unless ttlSeconds, audience or signedBy says otherwise), synchronously. */
export function testToken(request: TokenRequest): string {
  const claims = testClaims(request);
  return request.signedBy ? signJwt({ kid: request.signedBy.kid }, claims, request.signedBy.privateKey) : signJwt({}, claims);
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
