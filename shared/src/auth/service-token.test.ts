import { decodeJwt } from 'jose';
import { Department, Role } from '../context/principal';
import { createServiceTokenSource } from './service-token';
import { generateSigningKey, type SigningKey } from './signing-key';
import { createTokenVerifier } from './token-verifier';

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey();
});

describe('createServiceTokenSource', () => {
  it('mints a SERVICE token of the department that verifies', async () => {
    const source = createServiceTokenSource({ privateJwk: key.privateJwk, department: Department.HR_BUREAU, subject: 'service:hr-bureau', audience: 'aud' });
    const principal = await createTokenVerifier({ jwks: key.jwks, audience: 'aud' })(await source());
    expect(principal).toEqual({ subject: 'service:hr-bureau', name: 'HR_BUREAU service', department: Department.HR_BUREAU, roles: [Role.SERVICE] });
  });

  it('reuses its token until shortly before expiry, then renews it', async () => {
    let now = 1_000_000;
    const source = createServiceTokenSource({
      privateJwk: key.privateJwk, department: Department.COURT, subject: 'service:court', audience: 'aud',
      ttlSeconds: 600, renewBeforeSeconds: 120, now: () => now,
    });
    const first = await source();
    const [again, concurrent] = await Promise.all([source(), source()]);
    expect(again).toBe(first);
    expect(concurrent).toBe(first);
    now += 479_000; // 121 s left
    expect(await source()).toBe(first);
    now += 2_000; // 119 s left: renew
    const renewed = await source();
    expect(renewed).not.toBe(first);
    expect(decodeJwt(renewed)).toMatchObject({ roles: ['SERVICE'], department: 'COURT', aud: 'aud' });
  });

  it('does not keep a failed signature', async () => {
    const privateJwk = { ...key.privateJwk, d: 'AAAA' };
    const source = createServiceTokenSource({ privateJwk, department: Department.UNION, subject: 's', audience: 'aud' });
    await expect(source()).rejects.toThrow();
    privateJwk.d = key.privateJwk.d!; // the key is repaired: the next call signs afresh instead of replaying the failure
    await expect(source()).resolves.toEqual(expect.any(String));
  });
});
