import type { JSONWebKeySet, JWK } from 'jose';
import { Department, Role } from '../context/principal';

/**
 * What a trusted key may sign for, carried by the key itself as extra JWK members of the trusted key set:
 * `"department": "HR_BUREAU"` (required), `"roles": ["SERVICE"]` (optional: without it, any role of that
 * department) and `"iss": "…"` (optional: the issuer its tokens must carry). A token whose claims exceed
 * its key's binding is refused, so holding one department's key does not let anyone speak for another.
 */
export interface KeyBinding {
  readonly department: Department;
  /** The roles its tokens may carry; undefined: any role (a department's identity-provider key). */
  readonly roles?: readonly Role[];
  /** The `iss` its tokens must carry; undefined: AUTH_ISSUER if configured, else any. */
  readonly iss?: string;
}

/** A key of the trusted set with its binding. */
export interface BoundKey extends KeyBinding {
  /** Its position in the set, for messages about a key without a `kid`. */
  readonly index: number;
  readonly kid?: string;
  /** The JWK as the set holds it (binding members included). */
  readonly jwk: JWK;
}

/** The JWK members that carry the binding. */
export const BINDING_MEMBERS = ['department', 'roles', 'iss'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `keys[1] (kid "abc")`, or `keys[1]` when it has none: how messages name a key. */
export function keyLabel(index: number, kid: unknown): string {
  return typeof kid === 'string' ? `keys[${index}] (kid "${kid}")` : `keys[${index}]`;
}

/** The binding of one JWK, or a message saying what is wrong with it (without the key's name). */
export function bindingOf(jwk: unknown): KeyBinding | string {
  if (!isObject(jwk)) return 'is not a JWK';
  const { department, roles, iss } = jwk;
  if (department === undefined) return `is bound to no department: give it a "department" member (${Object.values(Department).join(', ')})`;
  if (!(Object.values(Department) as unknown[]).includes(department)) {
    return `"department" must be one of ${Object.values(Department).join(', ')}, not ${JSON.stringify(department)}`;
  }
  if (roles !== undefined) {
    if (!Array.isArray(roles) || roles.length === 0)
      return '"roles", when given, must be a non-empty array of roles (omit it for any role)';
    const unknown = roles.find((role) => !(Object.values(Role) as unknown[]).includes(role));
    if (unknown !== undefined) return `"roles" must hold only ${Object.values(Role).join(', ')}, not ${JSON.stringify(unknown)}`;
  }
  if (iss !== undefined && (typeof iss !== 'string' || iss.trim() === '')) return '"iss", when given, must be a non-empty string';
  return {
    department: department as Department,
    ...(roles !== undefined ? { roles: Object.freeze([...new Set(roles as Role[])]) } : {}),
    ...(iss !== undefined ? { iss: iss as string } : {}),
  };
}

/**
 * Every key of a set with its binding; throws naming the first key that is unbound or wrongly bound, or
 * a `kid` that is missing or used twice in a set of several keys (a token names its key by `kid`).
 * `source` names the set in the message (a file path, a URL).
 */
export function boundKeysOf(jwks: JSONWebKeySet, source: string): BoundKey[] {
  const keys = jwks.keys as unknown[];
  const seen = new Set<string>();
  return keys.map((jwk, index) => {
    const record = isObject(jwk) ? jwk : {};
    const label = keyLabel(index, record['kid']);
    const binding = bindingOf(jwk);
    if (typeof binding === 'string') throw new Error(`${source}: ${label} ${binding}`);
    const kid = typeof record['kid'] === 'string' ? record['kid'] : undefined;
    if (keys.length > 1) {
      if (kid === undefined)
        throw new Error(`${source}: ${label} has no "kid": in a set of several keys each needs one, by which tokens name it`);
      if (seen.has(kid)) throw new Error(`${source}: ${label} repeats a kid another key has; each key needs its own`);
      seen.add(kid);
    }
    return Object.freeze({ index, ...(kid !== undefined ? { kid } : {}), ...binding, jwk: jwk as JWK });
  });
}

/**
 * The key of a trusted set that `kid` names, with its binding; undefined when the set has no such key
 * or the key is not (validly) bound. For code that checks what a key may speak for (signed log heads,
 * provider decisions): `boundKeyOf(jwks, header.kid)?.department`.
 */
export function boundKeyOf(jwks: JSONWebKeySet, kid: string): BoundKey | undefined {
  const index = jwks.keys.findIndex((jwk) => jwk.kid === kid);
  if (index < 0) return undefined;
  const binding = bindingOf(jwks.keys[index]);
  return typeof binding === 'string' ? undefined : Object.freeze({ index, kid, ...binding, jwk: jwks.keys[index]! });
}

/** A public JWK with its binding members added. */
export function bindKey(publicJwk: JWK, binding: KeyBinding): JWK {
  return {
    ...publicJwk,
    department: binding.department,
    ...(binding.roles ? { roles: [...binding.roles] } : {}),
    ...(binding.iss ? { iss: binding.iss } : {}),
  } as JWK;
}

/**
 * Why a token's claims exceed its key's binding, or undefined when they do not. `issuer` is AUTH_ISSUER:
 * it applies to keys with no `iss` of their own.
 */
export function bindingViolation(
  key: BoundKey,
  claims: { department: Department; roles: readonly Role[]; iss?: unknown },
  issuer?: string,
): string | undefined {
  const name = key.kid !== undefined ? `the key that signed it (kid "${key.kid}")` : 'the key that signed it';
  if (claims.department !== key.department) {
    return `The token speaks for ${claims.department}, but ${name} is bound to ${key.department}`;
  }
  if (key.roles) {
    const extra = claims.roles.filter((role) => !key.roles!.includes(role));
    if (extra.length > 0) {
      return `The token's role${extra.length > 1 ? 's' : ''} ${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not bound to ${name}, which may sign ${key.roles.join(', ')} only`;
    }
  }
  const expected = key.iss ?? issuer;
  if (expected !== undefined && claims.iss !== expected) {
    const actual = typeof claims.iss === 'string' ? `"${claims.iss}"` : 'none';
    return `The token's issuer (iss) must be "${expected}" for ${name}, not ${actual}`;
  }
  return undefined;
}
