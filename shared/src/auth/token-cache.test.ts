import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Department, Role } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import { mintToken, type TokenClaims } from './mint-token';
import { generateSigningKey, type SigningKey } from './signing-key';
import { DEFAULT_TOKEN_CACHE_SIZE, VerifiedTokenCache } from './token-cache';
import { createTokenVerifier } from './token-verifier';

// Every signature check goes through jose's jwtVerify: counting its calls counts verifications.
jest.mock('jose', () => {
  const actual = jest.requireActual('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jwtVerify } = require('jose') as { jwtVerify: jest.Mock };

const AUDIENCE = 'labour-dispute-federation';
const CLAIMS: TokenClaims = { sub: 'u-1001', name: '张三', department: Department.UNION, roles: [Role.COORDINATOR], aud: AUDIENCE };
const PRINCIPAL = { subject: 'u-1001', name: '张三', department: Department.UNION, roles: [Role.COORDINATOR] };

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey({ department: Department.UNION });
});
beforeEach(() => jwtVerify.mockClear());

const mint = (claims: Partial<TokenClaims> = {}, ttlSeconds = 300, signing: SigningKey = key) =>
  mintToken(signing.privateJwk, { ...CLAIMS, ...claims, ttlSeconds } as TokenClaims & { ttlSeconds: number });

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return (error as Error).message;
}

describe('createTokenVerifier: verified tokens are kept until they expire', () => {
  it('verifies a token used twice once', async () => {
    const verify = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE });
    const token = await mint();
    await expect(verify(token)).resolves.toEqual(PRINCIPAL);
    await expect(verify(token)).resolves.toEqual(PRINCIPAL);
    expect(jwtVerify).toHaveBeenCalledTimes(1);
    // Another token is verified on its own.
    await expect(verify(await mint({ sub: 'u-1002' }))).resolves.toMatchObject({ subject: 'u-1002' });
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('refuses a token once it has expired, with the cache warm', async () => {
    let now = Date.now();
    const verify = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE }, { now: () => now });
    const token = await mint({}, 60);
    await expect(verify(token)).resolves.toEqual(PRINCIPAL);
    now += 30_000;
    await expect(verify(token)).resolves.toEqual(PRINCIPAL);
    expect(jwtVerify).toHaveBeenCalledTimes(1);
    now += 31_000;
    expect(await refused(verify(token))).toMatch(/expired/);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('keeps no refused token: each use of it is checked and refused', async () => {
    const verify = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE });
    const token = await mint({ aud: 'another-audience' });
    expect(await refused(verify(token))).toMatch(/audience/);
    expect(await refused(verify(token))).toMatch(/audience/);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('keeps at most cacheSize tokens, dropping the least recently used', async () => {
    const verify = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE }, { cacheSize: 2 });
    const [a, b, c] = [await mint({ sub: 'a' }), await mint({ sub: 'b' }), await mint({ sub: 'c' })];
    await verify(a);
    await verify(b);
    await verify(a); // a is now the most recently used
    await verify(c); // drops b
    expect(jwtVerify).toHaveBeenCalledTimes(3);
    await verify(a);
    await verify(c);
    expect(jwtVerify).toHaveBeenCalledTimes(3);
    await verify(b);
    expect(jwtVerify).toHaveBeenCalledTimes(4);
  });

  it("verifies again after the provider's key set was fetched again, and refuses a token of a key it dropped", async () => {
    const other = await generateSigningKey({ department: Department.UNION });
    let served = { keys: [...key.jwks.keys] };
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`);
      const verify = createTokenVerifier({ jwks: url, audience: AUDIENCE }, { now: () => Date.now() });
      const token = await mint();
      const rotated = await mint({}, 300, other);
      await verify(token);
      await verify(token);
      expect(jwtVerify).toHaveBeenCalledTimes(1);
      // The provider rotates: the old key goes, a new one comes; a token of the new key makes the verifier fetch the set again.
      // jose fetches again for an unknown kid only after its 30 s cooldown: 31 s later.
      served = { keys: [...other.jwks.keys] };
      const later = Date.now() + 31_000;
      jest.spyOn(Date, 'now').mockImplementation(() => later);
      await expect(verify(rotated)).resolves.toEqual(PRINCIPAL);
      expect(jwtVerify).toHaveBeenCalledTimes(2);
      // The cached token was verified under the old set: it is checked again, and its key is no longer trusted.
      expect(await refused(verify(token))).toMatch(/key/i);
      expect(jwtVerify).toHaveBeenCalledTimes(3);
    } finally {
      jest.restoreAllMocks();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('VerifiedTokenCache', () => {
  it('holds 10,000 tokens by default and refuses a size that is not a whole number', () => {
    expect(DEFAULT_TOKEN_CACHE_SIZE).toBe(10_000);
    expect(() => new VerifiedTokenCache(-1)).toThrow('The token cache size must be a whole number of tokens, at least 0, not -1');
  });

  it('never holds more than its size', () => {
    const cache = new VerifiedTokenCache(3);
    for (let i = 0; i < 10; i += 1) cache.set(`t${i}`, PRINCIPAL as never, 2_000_000_000, 'v1');
    expect(cache.count).toBe(3);
    expect(cache.get('t6', 0, 'v1')).toBeUndefined();
    expect(cache.get('t9', 0, 'v1')).toEqual(PRINCIPAL);
    expect(cache.get('t9', 0, 'v2')).toBeUndefined();
    // A stale entry is dropped when found.
    expect(cache.count).toBe(2);
  });
});
