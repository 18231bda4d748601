import { createHmac, generateKeyPairSync } from 'node:crypto';
import { Department, Role, serviceIssuer } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { postGraphQL } from '../support/graphql-client';
import { useStack } from '../support/stack';
import type { LogLines } from '../support/subgraph-harness';
import { asPrincipal, signJwt, testClaims, testToken, TEST_AUTH, TEST_IDP_KEYS, TEST_SERVICE_KEYS } from '../support/tokens';
import { unauthenticated } from '../support/refusals';

/**
 * Identity end to end: the real gateway and the four subgraphs over HTTP, tokens signed by the test keys,
 * each bound to its department (one identity-provider key per department, one service key per subgraph).
 */

const ENTERPRISE = /* GraphQL */ `query Enterprise($c: String!) { enterprise(creditCode: $c) { name } }`;
const VARIABLES = { c: STORY_ENTERPRISES.constructionArrears };
const coordinator = { department: Department.UNION, roles: [Role.COORDINATOR] };
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Every token a service must refuse, with what it answers. */
const REFUSED: Array<[string, () => Record<string, string>, string]> = [
  ['no Authorization header', () => ({}), 'Authentication required: send an "Authorization: Bearer <token>" header'],
  ['another scheme', () => ({ authorization: 'Basic dW5pb246cGFzc3dvcmQ=' }), 'The Authorization header must be "Bearer <token>"'],
  [
    'a malformed token',
    () => ({ authorization: 'Bearer not.a.jwt' }),
    'The token is malformed: expected a signed JWT (header.payload.signature)',
  ],
  [
    'an expired token',
    () => ({ authorization: `Bearer ${testToken({ ...coordinator, ttlSeconds: -60 })}` }),
    'The token has expired: get a new one',
  ],
  [
    'a token signed by another key under our kid',
    () => ({
      authorization: `Bearer ${signJwt({}, testClaims(coordinator), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)}`,
    }),
    'The token is not signed by a trusted key',
  ],
  [
    'alg none',
    () => ({ authorization: `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part(testClaims(coordinator))}.` }),
    'The token\'s algorithm "none" is not accepted: tokens must be signed with ES256 or RS256',
  ],
  [
    'HS256 keyed with the public key',
    () => {
      const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(testClaims(coordinator))}`;
      const secret = JSON.stringify((TEST_AUTH.jwks as { keys: object[] }).keys[0]);
      return { authorization: `Bearer ${input}.${createHmac('sha256', secret).update(input).digest('base64url')}` };
    },
    'The token\'s algorithm "HS256" is not accepted: tokens must be signed with ES256 or RS256',
  ],
  [
    'a token for another audience',
    () => ({ authorization: `Bearer ${testToken({ ...coordinator, audience: 'some-other-system' })}` }),
    `The token is not meant for this service: its audience (aud) must be "${TEST_AUTH.audience}"`,
  ],
  [
    'a token naming an unknown department',
    () => ({ authorization: `Bearer ${testToken({ department: 'TAX_BUREAU' as Department, roles: [Role.ADMIN] })}` }),
    "The token's claims are invalid: department must be one of HR_BUREAU, UNION, COURT, JUSTICE",
  ],
  [
    'a token with no roles',
    () => ({ authorization: `Bearer ${testToken({ department: Department.COURT, roles: [] })}` }),
    "The token's claims are invalid: roles must name at least one role",
  ],
  [
    'a token that lives longer than 12 hours',
    () => ({ authorization: `Bearer ${testToken({ ...coordinator, ttlSeconds: 24 * 3600 })}` }),
    'The token lives too long: exp - iat is 1d, more than the 12h this service accepts (MAX_TOKEN_LIFETIME)',
  ],
  [
    "a token for the union signed with the court's key",
    () => ({ authorization: `Bearer ${testToken({ ...coordinator, signedBy: TEST_IDP_KEYS[Department.COURT] })}` }),
    `The token speaks for UNION, but the key that signed it (kid "${TEST_IDP_KEYS[Department.COURT].kid}") is bound to COURT`,
  ],
];

describe('identity through the gateway and at every subgraph', () => {
  const logs: LogLines = [];
  const stack = useStack({ demo: true, logs });

  it.each(REFUSED)('the gateway refuses %s: 401, UNAUTHENTICATED, no data', async (_case, headers, message) => {
    const response = await postGraphQL(stack.gatewayUrl, ENTERPRISE, VARIABLES, headers());
    expect(response).toEqual({ status: 401, body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] } });
  });

  it('answers a valid token with data', async () => {
    const response = await postGraphQL(stack.gatewayUrl, ENTERPRISE, VARIABLES, asPrincipal(Department.UNION, Role.COORDINATOR));
    expect(response).toEqual({ status: 200, body: { data: { enterprise: { name: '北京京开建工集团有限公司' } } } });
  });

  it('tells the client the scheme to use (RFC 6750), also for GET', async () => {
    const missing = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const expired = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken({ ...coordinator, ttlSeconds: -1 })}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it.each(['hr-bureau', 'union', 'court', 'justice'])(
    '%s refuses a direct call without a valid token and answers one with',
    async (name) => {
      const subgraph = stack.subgraphs.get(name)!;
      for (const [, headers, message] of REFUSED) {
        const refused = await postGraphQL(subgraph.url, '{ __typename }', undefined, headers());
        expect(refused).toEqual({ status: 401, body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] } });
      }
      const get = await fetch(`${subgraph.url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(get.status).toBe(401);
      const answered = await postGraphQL(subgraph.url, '{ __typename }', undefined, asPrincipal(Department.JUSTICE, Role.CASEWORKER));
      expect(answered).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      // Probes need no token: an orchestrator has none.
      const base = new URL(subgraph.url);
      expect((await fetch(new URL('/health', base))).status).toBe(200);
      expect((await fetch(new URL('/ready', base))).status).toBe(200);
    },
  );

  it("refuses a COURT ADMIN token signed with hr-bureau's service key, at the gateway and at the court directly", async () => {
    const hrService = TEST_SERVICE_KEYS['hr-bureau']!;
    // Whoever holds hr-bureau's service key signs whatever claims they like, its issuer included.
    const forged = testToken({
      department: Department.COURT,
      roles: [Role.ADMIN],
      sub: 'court-admin',
      issuer: serviceIssuer('hr-bureau'),
      signedBy: hrService,
    });
    const refused = unauthenticated(
      `The token speaks for COURT, but the key that signed it (kid "${hrService.kid}") is bound to HR_BUREAU`,
    );
    const accessLog = '{ courtAccessLog(first: 5) { nodes { id } } }';
    expect(await postGraphQL(stack.gatewayUrl, accessLog, undefined, { authorization: `Bearer ${forged}` })).toEqual(refused);
    expect(await stack.subgraphs.get('court')!.query(accessLog, undefined, { authorization: `Bearer ${forged}` })).toEqual(refused);
    // Nor a role it is not bound to within its own department, nor without the issuer it is bound to.
    const hrAdmin = testToken({
      department: Department.HR_BUREAU,
      roles: [Role.ADMIN],
      issuer: serviceIssuer('hr-bureau'),
      signedBy: hrService,
    });
    expect(
      (await postGraphQL(stack.gatewayUrl, ENTERPRISE, VARIABLES, { authorization: `Bearer ${hrAdmin}` })).body.errors?.[0]?.message,
    ).toBe(`The token's role ADMIN is not bound to the key that signed it (kid "${hrService.kid}"), which may sign SERVICE only`);
    const noIssuer = testToken({ department: Department.HR_BUREAU, roles: [Role.SERVICE], signedBy: hrService });
    expect((await stack.subgraphs.get('court')!.query('{ __typename }', undefined, { authorization: `Bearer ${noIssuer}` })).status).toBe(
      401,
    );
    // What the key is bound to passes: hr-bureau's SERVICE token, with its issuer, is answered.
    const genuine = testToken({
      department: Department.HR_BUREAU,
      roles: [Role.SERVICE],
      issuer: serviceIssuer('hr-bureau'),
      signedBy: hrService,
    });
    expect(await stack.subgraphs.get('court')!.query('{ __typename }', undefined, { authorization: `Bearer ${genuine}` })).toEqual({
      status: 200,
      body: { data: { __typename: 'Query' } },
    });
    // And the court's own ADMIN, signed by the court's key, reads its access log.
    const admin = await postGraphQL(stack.gatewayUrl, accessLog, undefined, asPrincipal(Department.COURT, Role.ADMIN));
    expect([admin.status, admin.body.errors]).toEqual([200, undefined]);
  });

  it('forwards the token: every subgraph the gateway calls sees the same principal', async () => {
    const requestId = 'e2e-identity-forwarding-0001';
    const token = testToken({ department: Department.COURT, roles: [Role.CASEWORKER], sub: 'court-clerk-42', name: '王法官' });
    const file = /* GraphQL */ `query ($c: String!) { enterprise(creditCode: $c) { name mediationCases { caseNo } lawsuits { caseNo } legalAidCases { caseNo } } }`;
    const { status, body } = await postGraphQL(stack.gatewayUrl, file, VARIABLES, {
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
    });
    expect(status).toBe(200);
    expect(body.data?.enterprise?.name).toBe('北京京开建工集团有限公司');
    const requestLines = logs.filter((line) => line['requestId'] === requestId && line['msg'] === 'graphql request');
    expect(requestLines.map((line) => line['service']).sort()).toEqual(['court', 'gateway', 'hr-bureau', 'justice', 'union']);
    for (const line of requestLines) expect(line).toMatchObject({ subject: 'court-clerk-42', department: 'COURT' });
  });
});
