import { base64url, exportJWK, generateKeyPair, generateSecret, importJWK, SignJWT, type JWK } from 'jose';
import { Department, Role } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import type { AuthConfig } from './auth-config';
import { mintToken, type TokenClaims } from './mint-token';
import { generateSigningKey, type SigningKey } from './signing-key';
import { createTokenVerifier, principalFromAuthorization, type TokenVerifier } from './token-verifier';

const AUDIENCE = 'labour-dispute-federation';
const CLAIMS: TokenClaims = { sub: 'u-1001', name: '张三', department: Department.UNION, roles: [Role.COORDINATOR], aud: AUDIENCE };

let key: SigningKey;
let verify: TokenVerifier;
beforeAll(async () => {
  key = await generateSigningKey();
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
    const verifier = createTokenVerifier({ jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'rsa-1' }] }, audience: AUDIENCE });
    await expect(verifier(await mint({}, 60, privateJwk))).resolves.toMatchObject({ subject: 'u-1001' });
  });

  it('refuses a malformed token', async () => {
    expect((await refusal('not-a-token')).message).toBe('The token is malformed: expected a signed JWT (header.payload.signature)');
    expect((await refusal('a.b.c')).message).toMatch(/malformed/);
  });

  it('refuses an expired token', async () => {
    expect((await refusal(await mint({}, -60))).message).toBe('The token has expired: get a new one');
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid! })
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect((await refusal(token)).message).toBe('The token has no "exp" claim, which is required');
  });

  it('refuses a token signed by another key, with or without a known kid', async () => {
    const other = await generateSigningKey();
    expect((await refusal(await mint({}, 60, other.privateJwk))).message).toBe('The token is not signed by a trusted key');
    const posing = { ...other.privateJwk, kid: key.privateJwk.kid };
    expect((await refusal(await mint({}, 60, posing))).message).toBe('The token is not signed by a trusted key');
  });

  it('refuses alg none', async () => {
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...CLAIMS, exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    expect((await refusal(unsigned)).message).toBe('The token\'s algorithm "none" is not accepted: tokens must be signed with ES256 or RS256');
  });

  it('refuses HS256, even keyed with the public key (the algorithm-confusion attack)', async () => {
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(key.jwks.keys[0]));
    for (const secret of [publicKeyAsSecret, await generateSecret('HS256')]) {
      const token = await new SignJWT({ ...CLAIMS })
        .setProtectedHeader({ alg: 'HS256', kid: key.privateJwk.kid! })
        .setExpirationTime('1m')
        .sign(secret);
      expect((await refusal(token)).message).toBe('The token\'s algorithm "HS256" is not accepted: tokens must be signed with ES256 or RS256');
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

  it('checks the issuer when one is configured', async () => {
    const config: AuthConfig = { jwks: key.jwks, audience: AUDIENCE, issuer: 'https://idp.example' };
    const verifier = createTokenVerifier(config);
    await expect(verifier(await mint({ iss: 'https://idp.example' }))).resolves.toMatchObject({ department: Department.UNION });
    expect((await refusal(await mint({ iss: 'https://other.example' }), verifier)).message).toBe('The token\'s "iss" claim is invalid');
  });

  it('refuses bad claims, naming each', async () => {
    expect((await refusal(await mint({ department: 'TAX_BUREAU' as Department }))).message).toBe(
      "The token's claims are invalid: department must be one of HR_BUREAU, UNION, COURT, JUSTICE",
    );
    expect((await refusal(await mint({ roles: [] }))).message).toBe("The token's claims are invalid: roles must name at least one role");
    expect((await refusal(await mint({ roles: [Role.ADMIN, 'ROOT' as Role] }))).message).toBe(
      "The token's claims are invalid: roles[1] must be one of CASEWORKER, SERVICE, COORDINATOR, ANALYST, ADMIN, AUDITOR",
    );
    expect((await refusal(await mint({ name: ' ', sub: '' }))).message).toBe("The token's claims are invalid: sub must not be empty; name must not be empty");
  });
});

describe('principalFromAuthorization', () => {
  it('takes the token of a Bearer header', async () => {
    await expect(principalFromAuthorization(`Bearer ${await mint()}`, verify)).resolves.toMatchObject({ subject: 'u-1001' });
    await expect(principalFromAuthorization(`bearer  ${await mint()}`, verify)).resolves.toMatchObject({ subject: 'u-1001' });
  });

  it('refuses a missing header and other schemes', async () => {
    await expect(principalFromAuthorization(undefined, verify)).rejects.toThrow('Authentication required: send an "Authorization: Bearer <token>" header');
    await expect(principalFromAuthorization('', verify)).rejects.toThrow(UnauthenticatedError);
    await expect(principalFromAuthorization('Basic dXNlcjpwdw==', verify)).rejects.toThrow('The Authorization header must be "Bearer <token>"');
    await expect(principalFromAuthorization('Bearer', verify)).rejects.toThrow('The Authorization header must be "Bearer <token>"');
  });
});
