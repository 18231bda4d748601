import { decodeJwt } from 'jose';
import { Department, Role } from '../context/principal';
import { createServiceTokenSource, serviceIssuer, serviceKeyMismatch } from './service-token';
import { generateSigningKey, type SigningKey } from './signing-key';
import { createTokenVerifier } from './token-verifier';

let key: SigningKey;
beforeAll(async () => {
  key = await generateSigningKey({ department: Department.HR_BUREAU, roles: [Role.SERVICE], iss: serviceIssuer('hr-bureau') });
});

describe('createServiceTokenSource', () => {
  it('mints a SERVICE token of the department, with the issuer its key is bound to, that verifies', async () => {
    const source = createServiceTokenSource({
      privateJwk: key.privateJwk,
      department: Department.HR_BUREAU,
      subject: 'service:hr-bureau',
      audience: 'aud',
      issuer: serviceIssuer('hr-bureau'),
    });
    const token = await source();
    const principal = await createTokenVerifier({ jwks: key.jwks, audience: 'aud' })(token);
    expect(principal).toEqual({
      subject: 'service:hr-bureau',
      name: 'HR_BUREAU service',
      department: Department.HR_BUREAU,
      roles: [Role.SERVICE],
    });
    expect(decodeJwt(token)).toMatchObject({ iss: 'labour-federation:service:hr-bureau' });
  });

  it('says, before any token is signed, when the trusted set binds the service key to what its tokens would not be', () => {
    const hr = { department: Department.HR_BUREAU, issuer: serviceIssuer('hr-bureau') };
    expect(serviceKeyMismatch(key.privateJwk, key.jwks, hr)).toBeUndefined();
    expect(serviceKeyMismatch(key.privateJwk, key.jwks, { department: Department.COURT, issuer: serviceIssuer('court') })).toBe(
      `The token speaks for COURT, but the key that signed it (kid "${key.privateJwk.kid}") is bound to HR_BUREAU`,
    );
    expect(serviceKeyMismatch(key.privateJwk, key.jwks, { ...hr, issuer: 'x' })).toMatch(
      /issuer \(iss\) must be "labour-federation:service:hr-bureau"/,
    );
    // A set that does not hold the key (or one by URL) says nothing: the receiving service's own set decides.
    expect(serviceKeyMismatch(key.privateJwk, { keys: [] }, hr)).toBeUndefined();
    expect(serviceKeyMismatch(key.privateJwk, new URL('https://idp.example/jwks'), hr)).toBeUndefined();
  });

  it('reuses its token until shortly before expiry, then renews it', async () => {
    let now = 1_000_000;
    const source = createServiceTokenSource({
      privateJwk: key.privateJwk,
      department: Department.COURT,
      subject: 'service:court',
      audience: 'aud',
      ttlSeconds: 600,
      renewBeforeSeconds: 120,
      now: () => now,
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
