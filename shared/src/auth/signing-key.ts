import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { bindKey, type KeyBinding } from './key-binding';

/** The two signature algorithms a token may use; anything else (`none`, HS256, …) is refused. */
export const TOKEN_ALGORITHMS = ['ES256', 'RS256'] as const;
export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

/** A key pair as JWKs: the private key signs tokens, the JWKS (public only) is what verifiers are given. */
export interface SigningKey {
  privateJwk: JWK;
  jwks: JSONWebKeySet;
}

/** The members of each key type that are public; everything else (`d`, `p`, `q`, …) is private. */
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  EC: ['kty', 'crv', 'x', 'y'],
  RSA: ['kty', 'n', 'e'],
};
const METADATA = ['kid', 'alg', 'use'] as const;

/** The public half of a private JWK, with its `kid`, `alg` and `use`. */
export function publicJwkOf(privateJwk: JWK): JWK {
  const members = PUBLIC_MEMBERS[privateJwk.kty ?? ''];
  if (!members) throw new Error(`Unsupported key type ${String(privateJwk.kty)}: use an EC (P-256) or RSA key`);
  const record = privateJwk as Record<string, unknown>;
  return Object.fromEntries([...members, ...METADATA].filter((m) => record[m] !== undefined).map((m) => [m, record[m]])) as JWK;
}

/**
 * A fresh ES256 key pair for development (`npm start`) and tests. The `kid` is the key's RFC 7638
 * thumbprint, so a verifier holding several keys picks the right one. With a binding, the public half
 * in `jwks` carries it (what a verifier needs); without, the set is not yet one a verifier accepts.
 */
export async function generateSigningKey(binding?: KeyBinding): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const exported = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(exported);
  const privateJwk: JWK = { ...exported, kid, alg: 'ES256', use: 'sig' };
  const publicJwk = publicJwkOf(privateJwk);
  return { privateJwk, jwks: { keys: [binding ? bindKey(publicJwk, binding) : publicJwk] } };
}
