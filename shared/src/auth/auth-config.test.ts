import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Department, Role } from '../context/principal';
import { authConfigFromEnv, DEFAULT_AUDIENCE, serviceKeyFromEnv } from './auth-config';
import { bindKey } from './key-binding';
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
  key = await generateSigningKey({ department: Department.UNION });
});

describe('generateSigningKey', () => {
  it('makes an ES256 pair whose public half carries no private member, the same kid, and the binding', () => {
    expect(key.privateJwk).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      kid: expect.any(String),
      d: expect.any(String),
    });
    expect(key.jwks.keys).toEqual([{ ...publicJwkOf(key.privateJwk), department: 'UNION' }]);
    expect(key.jwks.keys[0]).not.toHaveProperty('d');
    expect(key.jwks.keys[0]!.kid).toBe(key.privateJwk.kid);
    expect(key.privateJwk).not.toHaveProperty('department');
  });
});

describe('authConfigFromEnv', () => {
  it('reads a JWKS file, with the default audience and maximum lifetime (12 h)', () => {
    const config = authConfigFromEnv({ AUTH_JWKS_PATH: file('jwks.json', key.jwks) });
    expect(config).toEqual({ jwks: key.jwks, audience: DEFAULT_AUDIENCE, maxTokenLifetimeSeconds: 43_200 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes a JWKS URL, an audience, an issuer and a maximum lifetime', () => {
    const config = authConfigFromEnv({
      AUTH_JWKS_URL: 'https://idp.example/jwks.json',
      AUTH_AUDIENCE: 'zone',
      AUTH_ISSUER: 'https://idp.example',
      MAX_TOKEN_LIFETIME: '8h',
    });
    expect(config).toEqual({
      jwks: new URL('https://idp.example/jwks.json'),
      audience: 'zone',
      issuer: 'https://idp.example',
      maxTokenLifetimeSeconds: 28_800,
    });
  });

  it('reads MAX_TOKEN_LIFETIME as seconds or a duration, from a minute to 30 days', () => {
    const lifetime = (value: string) =>
      authConfigFromEnv({ AUTH_JWKS_URL: 'https://idp.example/jwks', MAX_TOKEN_LIFETIME: value }).maxTokenLifetimeSeconds;
    expect([lifetime('3600'), lifetime('90m'), lifetime('1d'), lifetime('')]).toEqual([3600, 5400, 86_400, 43_200]);
    for (const bad of ['59', '31d', '12 hours', '-1h']) {
      expect(() => lifetime(bad)).toThrow(
        'MAX_TOKEN_LIFETIME: must be seconds (43200) or a duration with s, m, h or d (12h), from 1m to 30d',
      );
    }
  });

  it('refuses, at start, a key set whose keys are not each bound to a department, naming the key', async () => {
    const other = await generateSigningKey();
    const unbound = publicJwkOf(other.privateJwk);
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('unbound.json', { keys: [key.jwks.keys[0], unbound] }) })).toThrow(
      `unbound.json: keys[1] (kid "${unbound.kid}") is bound to no department: give it a "department" member (HR_BUREAU, UNION, COURT, JUSTICE)`,
    );
    const wrong = [
      [{ department: 'TAX' }, '"department" must be one of HR_BUREAU, UNION, COURT, JUSTICE, not "TAX"'],
      [{ department: 'COURT', roles: [] }, '"roles", when given, must be a non-empty array of roles (omit it for any role)'],
      [
        { department: 'COURT', roles: ['SERVICE', 'ROOT'] },
        '"roles" must hold only CASEWORKER, SERVICE, COORDINATOR, ANALYST, ADMIN, AUDITOR, not "ROOT"',
      ],
      [{ department: 'COURT', iss: '' }, '"iss", when given, must be a non-empty string'],
    ] as const;
    for (const [binding, message] of wrong) {
      expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('wrong.json', { keys: [{ ...unbound, ...binding }] }) })).toThrow(
        `wrong.json: keys[0] (kid "${unbound.kid}") ${message}`,
      );
    }
    const { kid: _kid, ...noKid } = bindKey(unbound, { department: Department.COURT, roles: [Role.SERVICE] });
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('nokid.json', { keys: [key.jwks.keys[0], noKid] }) })).toThrow(
      'nokid.json: keys[1] has no "kid": in a set of several keys each needs one, by which tokens name it',
    );
    expect(() =>
      authConfigFromEnv({ AUTH_JWKS_PATH: file('twice.json', { keys: [key.jwks.keys[0], { ...key.jwks.keys[0], department: 'COURT' }] }) }),
    ).toThrow(`twice.json: keys[1] (kid "${key.privateJwk.kid}") repeats a kid another key has; each key needs its own`);
  });

  it('requires exactly one source of keys', () => {
    expect(() => authConfigFromEnv({})).toThrow(
      "AUTH_JWKS_PATH: required, or AUTH_JWKS_URL: the public keys (JWKS) that verify callers' tokens",
    );
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('both.json', key.jwks), AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(
      'AUTH_JWKS_PATH: set AUTH_JWKS_PATH or AUTH_JWKS_URL, not both',
    );
    expect(() => authConfigFromEnv({ AUTH_JWKS_URL: 'ftp://idp.example/jwks' })).toThrow(
      'AUTH_JWKS_URL: must be an http:// or https:// URL',
    );
  });

  it('names the file and what is wrong with it', () => {
    const missing = join(dir, 'missing.json');
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: missing })).toThrow(`AUTH_JWKS_PATH: cannot read ${missing} (ENOENT)`);
    expect(() => authConfigFromEnv({ AUTH_JWKS_PATH: file('text.json', 'keys') })).toThrow(
      /AUTH_JWKS_PATH: .*text\.json is not valid JSON/,
    );
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
    expect(() => serviceKeyFromEnv({ AUTH_SERVICE_KEY_PATH: file('public.json', key.jwks.keys[0]) })).toThrow(
      /is not a private key \(no "d"\)/,
    );
    expect(() => serviceKeyFromEnv({ AUTH_SERVICE_KEY_PATH: file('hs.json', { ...key.privateJwk, alg: 'HS256' }) })).toThrow(
      /algorithm HS256 is not accepted \(ES256 or RS256\)/,
    );
  });
});
