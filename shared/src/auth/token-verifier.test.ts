import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, generateSecret, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { Department, Role } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import type { AuthConfig } from './auth-config';
import { bindKey, boundKeyOf } from './key-binding';
import { mintToken, type TokenClaims } from './mint-token';
import { serviceIssuer } from './service-token';
import { generateSigningKey, publicJwkOf, type SigningKey } from './signing-key';
import { createTokenVerifier, principalFromAuthorization, type TokenVerifier } from './token-verifier';

const AUDIENCE = 'labour-dispute-federation';
const CLAIMS: TokenClaims = { sub: 'u-1001', name: '张三', department: Department.UNION, roles: [Role.COORDINATOR], aud: AUDIENCE };

let key: SigningKey;
let verify: TokenVerifier;
beforeAll(async () => {
  key = await generateSigningKey({ department: Department.UNION });
  verify = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE });
});

const mint = (claims: Partial<TokenClaims> & Record<string, unknown> = {}, ttlSeconds = 300, jwk: JWK = key.privateJwk) =>
  mintToken(jwk, { ...CLAIMS, ...claims, ttlSeconds } as TokenClaims & { ttlSeconds: number });

/** One part of a hand-made token. */
const encode = (part: object) => base64url.encode(JSON.stringify(part));

async function refusal(token: string, verifier = verify): Promise<UnauthenticatedError> {
  const error = await verifier(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect((error as UnauthenticatedError).extensions).toEqual({ code: 'UNAUTHENTICATED' });
  return error as UnauthenticatedError;
}

describe('createTokenVerifier', () => {
  it('gives the principal a valid token names', async () => {
    await expect(verify(await mint({ roles: [Role.COORDINATOR, Role.ADMIN, Role.ADMIN] }))).resolves.toEqual({
      subject: 'u-1001',
      name: '张三',
      department: Department.UNION,
      roles: [Role.COORDINATOR, Role.ADMIN],
    });
  });

  it('accepts RS256 as well as ES256', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), alg: 'RS256', kid: 'rsa-1' };
    const verifier = createTokenVerifier({
      jwks: { keys: [bindKey({ ...(await exportJWK(publicKey)), kid: 'rsa-1' }, { department: Department.UNION })] },
      audience: AUDIENCE,
    });
    await expect(verifier(await mint({}, 60, privateJwk))).resolves.toMatchObject({ subject: 'u-1001' });
  });

  it('refuses a malformed token', async () => {
    expect((await refusal('not-a-token')).message).toBe('The token is malformed: expected a signed JWT (header.payload.signature)');
    expect((await refusal('a.b.c')).message).toMatch(/malformed/);
  });

  it('refuses an expired token', async () => {
    expect((await refusal(await mint({}, -60))).message).toBe('The token has expired: get a new one');
  });

  it('refuses a token without exp, or without iat', async () => {
    const token = await new SignJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setIssuedAt()
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect((await refusal(token)).message).toBe('The token has no "exp" claim, which is required');
    const noIat = await new SignJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setExpirationTime('1h')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect((await refusal(noIat)).message).toBe('The token has no "iat" claim, which is required');
  });

  it('refuses a token signed by another key, with or without a known kid', async () => {
    const other = await generateSigningKey();
    expect((await refusal(await mint({}, 60, other.privateJwk))).message).toBe('The token is not signed by a trusted key');
    const posing = { ...other.privateJwk, kid: key.privateJwk.kid };
    expect((await refusal(await mint({}, 60, posing))).message).toBe('The token is not signed by a trusted key');
  });

  it('refuses alg none', async () => {
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...CLAIMS, exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    expect((await refusal(unsigned)).message).toBe(
      'The token\'s algorithm "none" is not accepted: tokens must be signed with ES256 or RS256',
    );
  });

  it('refuses HS256, even keyed with the public key (the algorithm-confusion attack)', async () => {
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(key.jwks.keys[0]));
    for (const secret of [publicKeyAsSecret, await generateSecret('HS256')]) {
      const token = await new SignJWT({ ...CLAIMS })
        .setProtectedHeader({ alg: 'HS256', kid: key.privateJwk.kid! })
        .setExpirationTime('1m')
        .sign(secret);
      expect((await refusal(token)).message).toBe(
        'The token\'s algorithm "HS256" is not accepted: tokens must be signed with ES256 or RS256',
      );
    }
  });

  it('refuses a token for another audience, or none', async () => {
    const expected = `The token is not meant for this service: its audience (aud) must be "${AUDIENCE}"`;
    expect((await refusal(await mint({ aud: 'another-system' }))).message).toBe(expected);
    const { aud: _aud, ...withoutAudience } = CLAIMS;
    const noAudience = await new SignJWT({ ...withoutAudience })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .setExpirationTime('1m')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect((await refusal(noAudience)).message).toBe(expected);
  });

  it('checks the issuer when one is configured (AUTH_ISSUER), for a key without an issuer of its own', async () => {
    const config: AuthConfig = { jwks: key.jwks, audience: AUDIENCE, issuer: 'https://idp.example' };
    const verifier = createTokenVerifier(config);
    await expect(verifier(await mint({ iss: 'https://idp.example' }))).resolves.toMatchObject({ department: Department.UNION });
    const expected = `The token's issuer (iss) must be "https://idp.example" for the key that signed it (kid "${key.privateJwk.kid}")`;
    expect((await refusal(await mint({ iss: 'https://other.example' }), verifier)).message).toBe(
      `${expected}, not "https://other.example"`,
    );
    expect((await refusal(await mint(), verifier)).message).toBe(`${expected}, not none`);
  });

  it('refuses bad claims, naming each', async () => {
    expect((await refusal(await mint({ department: 'TAX_BUREAU' as Department }))).message).toBe(
      "The token's claims are invalid: department must be one of HR_BUREAU, UNION, COURT, JUSTICE",
    );
    expect((await refusal(await mint({ roles: [] }))).message).toBe("The token's claims are invalid: roles must name at least one role");
    expect((await refusal(await mint({ roles: [Role.ADMIN, 'ROOT' as Role] }))).message).toBe(
      "The token's claims are invalid: roles[1] must be one of CASEWORKER, SERVICE, COORDINATOR, ANALYST, ADMIN, AUDITOR",
    );
    expect((await refusal(await mint({ name: ' ', sub: '' }))).message).toBe(
      "The token's claims are invalid: sub must not be empty; name must not be empty",
    );
  });
});

describe('keys bound to a department', () => {
  const ISSUER = serviceIssuer('hr-bureau');
  let union: SigningKey;
  let hrService: SigningKey;
  let keys: JSONWebKeySet;
  let verifyBound: TokenVerifier;
  beforeAll(async () => {
    union = await generateSigningKey({ department: Department.UNION });
    hrService = await generateSigningKey({ department: Department.HR_BUREAU, roles: [Role.SERVICE], iss: ISSUER });
    keys = { keys: [...union.jwks.keys, ...hrService.jwks.keys] };
    verifyBound = createTokenVerifier({ jwks: keys, audience: AUDIENCE, issuer: 'https://idp.example' });
  });
  const service = { sub: 'service:hr-bureau', department: Department.HR_BUREAU, roles: [Role.SERVICE], iss: ISSUER };

  it('accepts what each key is bound to: any role of its department, or SERVICE of its department with its own issuer', async () => {
    await expect(
      verifyBound(await mint({ roles: [Role.ADMIN, Role.ANALYST], iss: 'https://idp.example' }, 60, union.privateJwk)),
    ).resolves.toMatchObject({
      department: Department.UNION,
      roles: [Role.ADMIN, Role.ANALYST],
    });
    // AUTH_ISSUER is for keys without an issuer of their own: the service key's tokens carry its issuer instead.
    await expect(verifyBound(await mint(service, 60, hrService.privateJwk))).resolves.toEqual({
      subject: 'service:hr-bureau',
      name: '张三',
      department: Department.HR_BUREAU,
      roles: [Role.SERVICE],
    });
  });

  it("refuses a token for another department than its key's: a service key cannot speak for the court", async () => {
    const courtAdmin = await mint({ ...service, department: Department.COURT, roles: [Role.ADMIN] }, 60, hrService.privateJwk);
    expect((await refusal(courtAdmin, verifyBound)).message).toBe(
      `The token speaks for COURT, but the key that signed it (kid "${hrService.privateJwk.kid}") is bound to HR_BUREAU`,
    );
    const hrFromUnion = await mint({ department: Department.HR_BUREAU, iss: 'https://idp.example' }, 60, union.privateJwk);
    expect((await refusal(hrFromUnion, verifyBound)).message).toBe(
      `The token speaks for HR_BUREAU, but the key that signed it (kid "${union.privateJwk.kid}") is bound to UNION`,
    );
  });

  it('refuses a role its key is not bound to', async () => {
    const admin = await mint({ ...service, roles: [Role.SERVICE, Role.ADMIN] }, 60, hrService.privateJwk);
    expect((await refusal(admin, verifyBound)).message).toBe(
      `The token's role ADMIN is not bound to the key that signed it (kid "${hrService.privateJwk.kid}"), which may sign SERVICE only`,
    );
    const two = await mint({ ...service, roles: [Role.CASEWORKER, Role.ADMIN] }, 60, hrService.privateJwk);
    expect((await refusal(two, verifyBound)).message).toMatch(/^The token's roles CASEWORKER, ADMIN are not bound to/);
  });

  it('refuses an issuer other than the one its key is bound to, AUTH_ISSUER included', async () => {
    for (const [iss, shown] of [
      ['https://idp.example', '"https://idp.example"'],
      ['labour-federation:service:court', '"labour-federation:service:court"'],
      [undefined, 'none'],
    ] as const) {
      const token = await mint({ ...service, iss }, 60, hrService.privateJwk);
      expect((await refusal(token, verifyBound)).message).toBe(
        `The token's issuer (iss) must be "${ISSUER}" for the key that signed it (kid "${hrService.privateJwk.kid}"), not ${shown}`,
      );
    }
  });

  it('requires a kid when several keys are trusted, and refuses a kid it does not know', async () => {
    const noKid = await mint({ iss: 'https://idp.example' }, 60, { ...union.privateJwk, kid: undefined });
    expect((await refusal(noKid, verifyBound)).message).toBe(
      'The token names no key ("kid" in its header), and several keys are trusted: a token must name the key that signed it',
    );
    // With one key only, the kid may be left out, as before.
    await expect(
      createTokenVerifier({ jwks: union.jwks, audience: AUDIENCE })(await mint({}, 60, { ...union.privateJwk, kid: undefined })),
    ).resolves.toMatchObject({
      department: Department.UNION,
    });
    const unknown = await mint({ iss: 'https://idp.example' }, 60, { ...union.privateJwk, kid: 'no-such-key' });
    expect((await refusal(unknown, verifyBound)).message).toBe('The token is not signed by a trusted key');
  });

  it('refuses, at start, a key set with a key bound to no department', async () => {
    const other = await generateSigningKey();
    expect(() => createTokenVerifier({ jwks: { keys: [...union.jwks.keys, publicJwkOf(other.privateJwk)] }, audience: AUDIENCE })).toThrow(
      `the trusted key set: keys[1] (kid "${other.privateJwk.kid}") is bound to no department: give it a "department" member (HR_BUREAU, UNION, COURT, JUSTICE)`,
    );
  });

  it('finds a key and its binding by kid (boundKeyOf), for whoever checks what a key may speak for', () => {
    expect(boundKeyOf(keys, hrService.privateJwk.kid!)).toEqual({
      index: 1,
      kid: hrService.privateJwk.kid,
      department: Department.HR_BUREAU,
      roles: [Role.SERVICE],
      iss: ISSUER,
      jwk: keys.keys[1],
    });
    expect(boundKeyOf(keys, union.privateJwk.kid!)).toMatchObject({ index: 0, department: Department.UNION });
    expect(boundKeyOf(keys, union.privateJwk.kid!)).not.toHaveProperty('roles');
    expect(boundKeyOf(keys, 'no-such-key')).toBeUndefined();
  });
});

describe('the maximum token lifetime', () => {
  it('refuses a token that lives longer than MAX_TOKEN_LIFETIME (12 h by default), exp - iat', async () => {
    await expect(verify(await mint({}, 12 * 3600))).resolves.toMatchObject({ department: Department.UNION });
    expect((await refusal(await mint({}, 12 * 3600 + 1))).message).toBe(
      'The token lives too long: exp - iat is 43201s, more than the 12h this service accepts (MAX_TOKEN_LIFETIME)',
    );
    const hour = createTokenVerifier({ jwks: key.jwks, audience: AUDIENCE, maxTokenLifetimeSeconds: 3600 });
    await expect(hour(await mint({}, 3600))).resolves.toMatchObject({ department: Department.UNION });
    expect((await refusal(await mint({}, 2 * 3600), hour)).message).toBe(
      'The token lives too long: exp - iat is 2h, more than the 1h this service accepts (MAX_TOKEN_LIFETIME)',
    );
  });

  it('refuses a token issued in the future, which would otherwise outlive the maximum', async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = async (iat: number) =>
      new SignJWT({ ...CLAIMS })
        .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
        .setIssuedAt(iat)
        .setExpirationTime(iat + 3600)
        .sign(await importJWK(key.privateJwk, 'ES256'));
    expect((await refusal(await sign(now + 30 * 86_400))).message).toBe(
      "The token was issued in the future (iat): its issuer's clock is wrong",
    );
    // A minute's difference between clocks is tolerated.
    await expect(verify(await sign(now + 30))).resolves.toMatchObject({ department: Department.UNION });
  });
});

describe('a key set by URL (AUTH_JWKS_URL)', () => {
  let server: Server;
  let served: JSONWebKeySet;
  let fetches = 0;
  let url: URL;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(served));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`);
  });
  afterAll(() => new Promise((done) => server.close(done)));

  it("keeps each key's binding from the fetched set, and refuses a token of a key the set leaves unbound", async () => {
    const court = await generateSigningKey({ department: Department.COURT });
    const hrService = await generateSigningKey({ department: Department.HR_BUREAU, roles: [Role.SERVICE] });
    const unbound = await generateSigningKey();
    served = { keys: [...court.jwks.keys, ...hrService.jwks.keys, ...unbound.jwks.keys] };
    const verifier = createTokenVerifier({ jwks: url, audience: AUDIENCE });
    const courtAdmin = { department: Department.COURT, roles: [Role.ADMIN] };
    await expect(verifier(await mint(courtAdmin, 60, court.privateJwk))).resolves.toMatchObject(courtAdmin);
    expect((await refusal(await mint(courtAdmin, 60, hrService.privateJwk), verifier)).message).toBe(
      `The token speaks for COURT, but the key that signed it (kid "${hrService.privateJwk.kid}") is bound to HR_BUREAU`,
    );
    expect((await refusal(await mint(courtAdmin, 60, unbound.privateJwk), verifier)).message).toBe(
      `The key that signed the token is not usable: ${url.href}: keys[2] (kid "${unbound.privateJwk.kid}") is bound to no department: give it a "department" member (HR_BUREAU, UNION, COURT, JUSTICE)`,
    );
    expect((await refusal(await mint(courtAdmin, 60, { ...court.privateJwk, kid: undefined }), verifier)).message).toMatch(
      /^The token names no key/,
    );
    expect(fetches).toBeGreaterThanOrEqual(1);
  });
});

describe('principalFromAuthorization', () => {
  it('takes the token of a Bearer header', async () => {
    await expect(principalFromAuthorization(`Bearer ${await mint()}`, verify)).resolves.toMatchObject({ subject: 'u-1001' });
    await expect(principalFromAuthorization(`bearer  ${await mint()}`, verify)).resolves.toMatchObject({ subject: 'u-1001' });
  });

  it('refuses a missing header and other schemes', async () => {
    await expect(principalFromAuthorization(undefined, verify)).rejects.toThrow(
      'Authentication required: send an "Authorization: Bearer <token>" header',
    );
    await expect(principalFromAuthorization('', verify)).rejects.toThrow(UnauthenticatedError);
    await expect(principalFromAuthorization('Basic dXNlcjpwdw==', verify)).rejects.toThrow(
      'The Authorization header must be "Bearer <token>"',
    );
    await expect(principalFromAuthorization('Bearer', verify)).rejects.toThrow('The Authorization header must be "Bearer <token>"');
  });
});
