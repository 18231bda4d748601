import { readFileSync } from 'node:fs';
import type { JSONWebKeySet, JWK } from 'jose';
import { boundKeysOf } from './key-binding';
import { TOKEN_ALGORITHMS } from './signing-key';

/** Members that only a private key has: a verifier's key set must never carry them. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a JWKS (the public keys that verify tokens): public keys only, each bound to a department
 * (key-binding.ts), each named by its own `kid` when there are several; `source` names it in the error.
 */
export function parseJwks(value: unknown, source: string): JSONWebKeySet {
  if (!isObject(value) || !Array.isArray(value['keys']) || value['keys'].length === 0) {
    throw new Error(`${source} is not a JWKS: expected {"keys": [ …at least one public key… ]}`);
  }
  for (const [index, key] of value['keys'].entries()) {
    if (!isObject(key) || typeof key['kty'] !== 'string') throw new Error(`${source}: keys[${index}] is not a JWK (no "kty")`);
    // A private key in a verifier's configuration would let every service that reads it mint tokens.
    const secret = PRIVATE_MEMBERS.find((member) => member in key);
    if (secret) throw new Error(`${source}: keys[${index}] holds private key material ("${secret}"); give verifiers public keys only`);
  }
  boundKeysOf(value as unknown as JSONWebKeySet, source);
  return value as unknown as JSONWebKeySet;
}

/** Checks a private signing JWK (EC P-256 for ES256, or RSA for RS256). */
export function parsePrivateJwk(value: unknown, source: string): JWK {
  if (!isObject(value) || typeof value['kty'] !== 'string') throw new Error(`${source} is not a JWK (no "kty")`);
  if (typeof value['d'] !== 'string') throw new Error(`${source} is not a private key (no "d")`);
  const alg = value['alg'] ?? (value['kty'] === 'EC' ? 'ES256' : 'RS256');
  if (!(TOKEN_ALGORITHMS as readonly unknown[]).includes(alg)) {
    throw new Error(`${source}: algorithm ${String(alg)} is not accepted (${TOKEN_ALGORITHMS.join(' or ')})`);
  }
  if (value['kty'] === 'EC' && value['crv'] !== 'P-256') throw new Error(`${source}: an ES256 key must be on the P-256 curve`);
  return { ...value, alg } as JWK;
}

export function readJwksFile(path: string): JSONWebKeySet {
  return parseJwks(readJson(path), path);
}

export function readPrivateJwkFile(path: string): JWK {
  return parsePrivateJwk(readJson(path), path);
}
