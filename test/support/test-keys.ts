import { createPrivateKey, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * The key material of the test keys (tokens.ts): made in each test process, unless the environment gives
 * it. The e2e project's globalSetup makes it once per run and passes it to every worker through
 * LABOUR_TEST_KEYS, so that a stack running in another process (shared-stack.ts) trusts the keys the test
 * files sign with. Kept apart from tokens.ts so that the globalSetup loads nothing of the services.
 */

/** The environment variable holding the run's test keys: JSON, `{ [label]: { kid, privateJwk } }`. */
export const TEST_KEYS_VARIABLE = 'LABOUR_TEST_KEYS';

/** The labels of the keys tokens.ts makes: each department's identity provider, then each subgraph's service key. */
export const TEST_KEY_LABELS: readonly string[] = [
  'hr_bureau',
  'union',
  'court',
  'justice',
  'hr-bureau-service',
  'union-service',
  'court-service',
  'justice-service',
];

export interface TestKeyMaterial {
  readonly kid: string;
  /** The private half as a JWK (no kid, no alg). */
  readonly privateJwk: JsonWebKey;
}

/** A new P-256 key, under a kid that names `label`. */
export function newTestKeyMaterial(label: string): TestKeyMaterial {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid: `test-${label}-${randomBytes(4).toString('hex')}`, privateJwk: privateKey.export({ format: 'jwk' }) };
}

/** Every test key, new: what the e2e globalSetup puts in LABOUR_TEST_KEYS. */
export function newTestKeySet(): Record<string, TestKeyMaterial> {
  return Object.fromEntries(TEST_KEY_LABELS.map((label) => [label, newTestKeyMaterial(label)]));
}

let given: Record<string, TestKeyMaterial> | undefined;

/** The key labelled `label`: the one LABOUR_TEST_KEYS gives when set, else a new one. */
export function testKeyMaterial(label: string): TestKeyMaterial & { privateKey: KeyObject } {
  const variable = process.env[TEST_KEYS_VARIABLE];
  if (variable) given ??= JSON.parse(variable) as Record<string, TestKeyMaterial>;
  const material = variable ? given?.[label] : newTestKeyMaterial(label);
  if (!material) throw new Error(`${TEST_KEYS_VARIABLE} has no test key labelled ${label} (it has ${Object.keys(given ?? {}).join(', ')})`);
  return { ...material, privateKey: createPrivateKey({ key: material.privateJwk, format: 'jwk' }) };
}
