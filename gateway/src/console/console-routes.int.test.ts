import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clockOn, createTokenVerifier, Department, listen, Role } from '@labour/shared';
import pino from 'pino';
import { makeTempDir } from '@labour/testing/temp-dir';
import { TEST_AUTH, TEST_IDP_KEYS } from '@labour/testing/tokens';
import { createGatewayServer } from '../create-gateway';
import type { ConsoleOptions } from './console-routes';

/**
 * The console's routes in the real gateway over real HTTP (no browser): its built files from a folder
 * made here, its configuration and development sign-in, and that /graphql, /health, /ready keep their
 * own behaviour beside it. The subgraphs are addresses where nothing listens: nothing here needs one.
 */

const temp = makeTempDir('console-routes');
const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const ENTRY_JS = 'console.log("the console");';
const NOWHERE = 'http://127.0.0.1:9/graphql';
const logger = pino({ level: 'silent' });
/** The services' day in these tests (a demonstration's CLOCK_TODAY), which the configuration hands the console. */
const TODAY = '2026-11-20';

interface Running {
  origin: string;
  close(): Promise<void>;
}

const running: Running[] = [];

async function gatewayWith(console: Partial<ConsoleOptions> | null): Promise<string> {
  const gateway = await createGatewayServer(
    {
      supergraphPath: join(__dirname, '..', '..', 'supergraph.graphql'),
      subgraphUrls: { 'hr-bureau': NOWHERE, union: NOWHERE, court: NOWHERE, justice: NOWHERE },
      auth: TEST_AUTH,
      guards: Object.fromEntries(
        ['hr-bureau', 'union', 'court', 'justice'].map((name) => [name, { timeoutMs: 1000, failuresToOpen: 5, halfOpenAfterMs: 3000 }]),
      ),
      ...(console ? { console: { staticDir: join(temp.path, 'dist'), clock: clockOn(TODAY), ...console } } : {}),
    },
    logger,
  );
  const listening = await listen(gateway.app, 0, '127.0.0.1');
  const origin = new URL(listening.url).origin;
  running.push({
    origin,
    close: async () => {
      await listening.close();
      await gateway.stop();
    },
  });
  return origin;
}

const DEV_SIGNING: ConsoleOptions['devSigning'] = {
  keys: Object.fromEntries(Object.values(Department).map((d) => [d, TEST_IDP_KEYS[d].privateJwk])) as NonNullable<
    ConsoleOptions['devSigning']
  >['keys'],
  audience: TEST_AUTH.audience,
  ttlSeconds: 1800,
};
const OIDC = { issuer: 'https://idp.example.gov.cn/realms/labour', clientId: 'labour-console', scope: 'openid profile' };

let plain = '';
let dev = '';
let oidc = '';

beforeAll(async () => {
  mkdirSync(join(temp.path, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(temp.path, 'dist', 'index.html'), INDEX_HTML);
  writeFileSync(join(temp.path, 'dist', 'assets', 'index-abc123.js'), ENTRY_JS);
  plain = await gatewayWith({});
  dev = await gatewayWith({ devSigning: DEV_SIGNING });
  oidc = await gatewayWith({ oidc: OIDC });
});

afterAll(async () => {
  for (const server of running) await server.close();
  temp.remove();
});

const postDevToken = (origin: string, body: unknown) =>
  fetch(`${origin}/console-api/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /console-api/config', () => {
  it('offers neither development sign-in nor OIDC when neither is configured', async () => {
    const response = await fetch(`${plain}/console-api/config`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ devSignIn: false, oidc: null, today: TODAY });
  });

  it('offers development sign-in only while the development keys are given', async () => {
    expect(await (await fetch(`${dev}/console-api/config`)).json()).toEqual({ devSignIn: true, oidc: null, today: TODAY });
  });

  it("names the identity provider, and lets the console's scripts reach it (connect-src, form-action)", async () => {
    const response = await fetch(`${oidc}/console-api/config`);
    expect(await response.json()).toEqual({ devSignIn: false, oidc: OIDC, today: TODAY });
    const page = await fetch(`${oidc}/meetings`, { headers: { accept: 'text/html' } });
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("connect-src 'self' https://idp.example.gov.cn");
    expect(policy).toContain("form-action 'self' https://idp.example.gov.cn");
    // Without a provider, the console's scripts reach nothing but the gateway.
    const plainPolicy =
      (await fetch(`${plain}/meetings`, { headers: { accept: 'text/html' } })).headers.get('content-security-policy') ?? '';
    expect(plainPolicy).toContain("connect-src 'self';");
    expect(plainPolicy).toContain("form-action 'self';");
  });
});

describe('POST /console-api/dev-token', () => {
  it('is 404 when development sign-in is off', async () => {
    const response = await postDevToken(plain, { department: 'UNION', roles: ['COORDINATOR'], name: '王协调' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'development sign-in is off: the services do not use the development keys' });
  });

  it('is 400 naming each field that is wrong', async () => {
    const cases: Array<[unknown, string]> = [
      [{ department: 'POLICE', roles: ['CASEWORKER'], name: '甲' }, 'department: one of HR_BUREAU, UNION, COURT, JUSTICE'],
      [{ department: 'COURT', roles: [], name: '甲' }, 'roles: a non-empty list of CASEWORKER, COORDINATOR, ANALYST, ADMIN, AUDITOR'],
      [
        { department: 'COURT', roles: ['SERVICE'], name: '甲' },
        'roles: a non-empty list of CASEWORKER, COORDINATOR, ANALYST, ADMIN, AUDITOR',
      ],
      [{ department: 'COURT', roles: ['ADMIN'], name: '  ' }, 'name: 1 to 40 characters'],
      [{ department: 'COURT', roles: ['ADMIN'], name: '甲'.repeat(41) }, 'name: 1 to 40 characters'],
      [
        {},
        'department: one of HR_BUREAU, UNION, COURT, JUSTICE; roles: a non-empty list of CASEWORKER, COORDINATOR, ANALYST, ADMIN, AUDITOR; name: 1 to 40 characters',
      ],
    ];
    for (const [body, error] of cases) {
      const response = await postDevToken(dev, body);
      expect({ body, status: response.status, answer: await response.json() }).toEqual({ body, status: 400, answer: { error } });
    }
  });

  it("signs a token the gateway's own verifier accepts, for the department, roles and name asked", async () => {
    const response = await postDevToken(dev, { department: 'COURT', roles: ['CASEWORKER', 'ADMIN'], name: ' 王法官 ' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const principal = await createTokenVerifier(TEST_AUTH)(token);
    expect(principal).toEqual({
      subject: 'dev:court:caseworker+admin:王法官',
      name: '王法官',
      department: Department.COURT,
      roles: [Role.CASEWORKER, Role.ADMIN],
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
      aud: string;
    };
    expect(payload.exp - payload.iat).toBe(1800);
    expect(payload.aud).toBe(TEST_AUTH.audience);
    // And the gateway takes it at /graphql (past the token check: the subgraphs are not there, so the data is missing, not refused).
    const answer = await fetch(`${dev}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the console beside the gateway', () => {
  it('answers a page path with index.html, revalidated, under a Content-Security-Policy that loads nothing from outside', async () => {
    for (const path of ['/', '/meetings', '/meetings/42', '/auth/callback?code=x&state=y']) {
      const response = await fetch(`${plain}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: response.status, body: await response.text() }).toEqual({ path, status: 200, body: INDEX_HTML });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]) {
        expect(policy).toContain(directive);
      }
    }
  });

  it('keeps /graphql, /health and /ready as they are', async () => {
    const graphql = await fetch(`${plain}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      body: '{"query":"{ __typename }"}',
    });
    expect(graphql.status).toBe(401);
    expect(((await graphql.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const graphqlGet = await fetch(`${plain}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphqlGet.status).toBe(401);
    expect(graphqlGet.headers.get('content-type')).toMatch(/^application\/json/);

    const health = await fetch(`${plain}/health`, { headers: { accept: 'text/html' } });
    expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    // No department is running here: /ready says so in JSON, not with the console's page.
    const ready = await fetch(`${plain}/ready`, { headers: { accept: 'text/html' } });
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/json/);
    const report = (await ready.json()) as { status: string; departments: Record<string, string> };
    expect({ status: report.status, departments: report.departments }).toEqual({
      status: 'unavailable',
      departments: { HR_BUREAU: 'unavailable', UNION: 'unavailable', COURT: 'unavailable', JUSTICE: 'unavailable' },
    });
  });

  it('answers an unknown /console-api path, /metrics, or a page path asked for as JSON, with the JSON 404', async () => {
    for (const [path, accept] of [
      ['/console-api/nothing', 'text/html'],
      ['/meetings', 'application/json'],
      // Metrics have a port of their own (METRICS_PORT): the public one neither serves them nor the console's page there.
      ['/metrics', 'text/html'],
    ] as const) {
      const response = await fetch(`${plain}${path}`, { headers: { accept } });
      expect({
        path,
        status: response.status,
        code: ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
      }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it('serves /assets/* as immutable for a year, and an unknown asset as 404, not index.html', async () => {
    const asset = await fetch(`${plain}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe(ENTRY_JS);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const missing = await fetch(`${plain}/assets/index-gone999.js`, { headers: { accept: 'text/html,*/*' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('serves no console without one configured, and no page without a build', async () => {
    const none = await gatewayWith(null);
    const page = await fetch(`${none}/meetings`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    const config = await fetch(`${none}/console-api/config`);
    expect(config.status).toBe(404);

    const unbuilt = await gatewayWith({ staticDir: join(temp.path, 'not-built') });
    expect((await fetch(`${unbuilt}/meetings`, { headers: { accept: 'text/html' } })).status).toBe(404);
    // Its configuration still answers, so the reason is the build, not the route.
    expect(await (await fetch(`${unbuilt}/console-api/config`)).json()).toEqual({ devSignIn: false, oidc: null, today: TODAY });
  });
});
