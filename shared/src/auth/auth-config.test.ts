import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfigFromEnv, DEFAULT_AUDIENCE, serviceKeyFromEnv } from './auth-config';
import { generateSigningKey, publicJwkOf, type SigningKey } from './signing-key';

const dir = mkdtempSync(join(tmpdir(), 'auth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey();
});

describe('generateSigningKey', () => {
  it('makes an ES256 pair whose public half carries no private member and the same kid', () => {
    expect(key.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect(key.jwks.keys).toEqual([publicJwkOf(key.privateJwk)]);
    expect(key.jwks.keys[0]).not.toHaveProperty('d');
    expect(key.jwks.keys[0]!.kid).toBe(key.privateJwk.kid);
  });
});

describe('authConfigFromEnv', () => {
  it('reads a JWKS file, with the default audience', () => {
    const config = authConfigFromEnv({ AUTH_JWKS_PATH: file('jwks.json', key.jwks) });
    expect(config).toEqual({ jwks: key.jwks, audience: DEFAULT_AUDIENCE });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes a JWKS URL, an audience and an issuer', () => {
    const config = authConfigFromEnv({ AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_AUDIENCE: 'zone', AUTH_ISSUER: 'https://idp.example' });
    expect(config).toEqual({ jwks: new URL('https://idp.example/jwks.json'), audience: 'zone', issuer: 'https://idp.example' });
  });

  it('requires exactly one source of keys', () => {
    expect(() => authConfigFromEnv({})).toThrow("AUTH_JWKS_PATH: required, or AUTH_JWKS_URL: the public keys (JWKS) that verify callers' tokens");
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('both.json', key.jwks), AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      'AUTH_JWKS_PATH: set AUTH_JWKS_PATH or AUTH_JWKS_URL, not both',
    );
    expect(() => authConfigFromEnv({ AUTH_JWKS_URL: 'ftp://idp.example/jwks' })).toThrow('AUTH_JWKS_URL: must be an http:// or https:// URL');
  });

  it('names the file and what is wrong with it', () => {
    const missing = join(dir, 'missing.json');
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: missing })).toThrow(`AUTH_JWKS_PATH: cannot read ${missing} (ENOENT)`);
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('text.json', 'keys') })).toThrow(/AUTH_JWKS_PATH: .*text\.json is not valid JSON/);
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('empty.json', { keys: [] }) })).toThrow(/empty\.json is not a JWKS/);
  });

  it('refuses a key set holding a private key: a verifier must not be able to mint tokens', () => {
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('private.json', { keys: [key.privateJwk] }) })).toThrow(
      /keys\[0\] holds private key material \("d"\); give verifiers public keys only/,
    );
  });
});

describe('serviceKeyFromEnv', () => {
  it('reads the private key when AUTH_SERVICE_KEY_PATH is set, and nothing otherwise', () => {
    expect(serviceKeyFromEnv({ AUTH_SERVICE_KEY_PATH: file('key.json', key.privateJwk) })).toEqual(key.privateJwk);
    expect(serviceKeyFromEnv({})).toBeUndefined();
  });

  it('refuses a public key or a key for another algorithm', () => {
    expect(() => serviceKeyFromEnv({ AUTH_SERVICE_KEY_PATH: file('public.json', key.jwks.keys[0]) })).toThrow(/is not a private key \(no "d"\)/);
    expect(() => serviceKeyFromEnv({ AUTH_SERVICE_KEY_PATH: file('hs.json', { ...key.privateJwk, alg: 'HS256' }) })).toThrow(
      /algorithm HS256 is not accepted \(ES256 or RS256\)/,
    );
  });
});
