import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, startConsoleStack, type ConsoleStack } from '../support/browser';
import { TEST_AUTH, TEST_IDP_KEYS } from '../support/tokens';
import { unauthenticated } from '../support/refusals';

/**
 * Signing in to the console through an OpenID Connect provider: oidc-provider runs here on loopback as
 * the departments' identity provider, with one public client (the console: authorization code + PKCE,
 * redirected back to /auth/callback), JWT access tokens for the services' audience carrying department,
 * roles and name, signed with the union's identity-provider key (which the stack trusts for UNION only),
 * and a plain login page of its own, which the test fills in as a person would.
 */

const CLIENT_ID = 'labour-console';
/** The resource indicator (RFC 8707) of the services; its access tokens carry the services' audience. */
const RESOURCE = 'urn:labour-dispute-federation';

/** The provider's people: login → what its access tokens say about them. */
const PEOPLE: Record<string, { name: string; department: Department; roles: Role[] }> = {
  'wang.xie': { name: '王协调', department: Department.UNION, roles: [Role.COORDINATOR] },
  // Speaks for the court, but the provider signs with the union's key: the services refuse it.
  'li.faguan': { name: '李法官', department: Department.COURT, roles: [Role.CASEWORKER] },
};

let consoleStack: ConsoleStack;
let idp: Server;
let issuer = '';
/** Which origins the pages of a test contacted (http and https only). */
let contacted = new Set<string>();

/** The little of oidc-provider's API used here (it ships no type declarations). */
interface Interaction {
  uid: string;
  prompt: {
    name: string;
    details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  };
  params: Record<string, string>;
  grantId?: string;
  session?: { accountId: string };
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options?: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
interface OidcProviderModule {
  default: new (issuer: string, configuration: Record<string, unknown>) => Provider;
  errors: { InvalidTarget: new () => Error };
}

/** The provider's login page (its own, plain: no script, no font from anywhere). */
function loginPage(uid: string, problem?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证</title></head><body><main>
<h1>统一身份认证（测试）</h1>${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="login">账号</label> <input id="login" name="login" required autocomplete="off">
<label for="password">密码</label> <input id="password" name="password" type="password" required>
<button type="submit">登录</button>
</form>
<p><a href="/interaction/${uid}/abort">取消登录</a></p>
</main></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/**
 * The provider's interactions: a login form for the people above, consent given at once (the console is
 * the departments' own application), and a cancel link that ends the sign-in with access_denied.
 */
async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, , uid, action] = new URL(req.url ?? '/', issuer).pathname.split('/');
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) throw new Error('interaction mismatch');
  if (action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'the person cancelled the sign-in' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (action === 'login' && req.method === 'POST') {
    const login = (await formOf(req)).get('login') ?? '';
    if (!PEOPLE[login]) {
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, '账号或密码错误'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    return;
  }
  if (interaction.prompt.name === 'consent') {
    const { details } = interaction.prompt;
    const grant = interaction.grantId
      ? (await provider.Grant.find(interaction.grantId))!
      : new provider.Grant({ accountId: interaction.session!.accountId, clientId: interaction.params['client_id']! });
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
}

async function startIdentityProvider(server: Server, consoleOrigin: string): Promise<void> {
  // ESM only: loaded with import(), named by a variable so that the compiler does not look for its types.
  const specifier: string = 'oidc-provider';
  const { default: Provider, errors } = (await import(specifier)) as OidcProviderModule;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        // A public client: no secret; PKCE is required of it.
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${consoleOrigin}/auth/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    // The union's identity-provider key: the stack trusts it, bound to UNION.
    jwks: { keys: [TEST_IDP_KEYS[Department.UNION].privateJwk] },
    cookies: { keys: ['oidc-browser-test-cookie-key'] },
    pkce: { required: () => true },
    // The console calls the token endpoint from its own origin.
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === consoleOrigin,
    async findAccount(_ctx: unknown, sub: string) {
      const person = PEOPLE[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: person.name }) };
    },
    claims: { openid: ['sub'], profile: ['name'] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600, Interaction: 600, AuthorizationCode: 60 },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: 'openid profile',
            audience: TEST_AUTH.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    // What the services read from an access token: the department, the roles and the name.
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
      const person = PEOPLE[token.accountId ?? ''];
      return person ? { department: person.department, roles: person.roles, name: person.name } : undefined;
    },
  });
  const protocol = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return protocol(req, res);
    interact(provider, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${(error as Error).message}`);
    });
  });
}

beforeAll(async () => {
  // The provider's address first (the gateway's configuration names it), its client once the console's origin is known.
  idp = createServer();
  await new Promise<void>((listening) => idp.listen(0, '127.0.0.1', listening));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  consoleStack = await startConsoleStack({
    console: { oidc: { issuer, clientId: CLIENT_ID, scope: 'openid profile' } },
    allowOrigins: [issuer],
  });
  await startIdentityProvider(idp, consoleStack.origin);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await consoleStack?.stop();
  if (idp) await new Promise((closed) => idp.close(closed));
});

/** A fresh page on the console's sign-in, its requests' origins recorded. */
async function signInPage(): Promise<Page> {
  contacted = new Set();
  const page = await consoleStack.newPage();
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') contacted.add(url.origin);
  });
  await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
  return page;
}

/**
 * Clicks the console's identity-provider button, which takes the browser to the provider's login page;
 * gives the authorization request the console sent it with.
 */
async function goToProvider(page: Page): Promise<URL> {
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth?`));
  await page.getByRole('button', { name: '通过统一身份认证登录', exact: true }).click();
  const request = new URL((await authorization).url());
  await page.waitForURL((url) => url.origin === issuer);
  await page.getByRole('heading', { name: '统一身份认证（测试）' }).waitFor();
  return request;
}

/** Fills in the provider's login form and submits it. */
async function submitLogin(page: Page, login: string): Promise<void> {
  await page.getByLabel('账号', { exact: true }).fill(login);
  await page.getByLabel('密码', { exact: true }).fill('any password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

interface TokenPayload {
  iss: string;
  aud: string | string[];
  sub: string;
  name: string;
  department: string;
  roles: string[];
  iat: number;
  exp: number;
}

const payloadOf = (token: string): TokenPayload =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as TokenPayload;
const headerOf = (token: string): { alg: string; kid: string } =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { alg: string; kid: string };

describe('the console: signing in through the identity provider (OIDC)', () => {
  it('offers the identity provider on the sign-in page, in Chinese and in English', async () => {
    const page = await signInPage();
    await page.getByRole('heading', { name: '统一身份认证', exact: true }).waitFor();
    await page.getByText(`使用本部门的统一身份认证账号登录（${new URL(issuer).host}）。`, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sign-in-oidc.png') });

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign in with the identity provider', exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
  });

  it("signs in with the provider's access token (code + PKCE), which the services accept, contacting nothing but the gateway and the provider", async () => {
    const page = await signInPage();
    const authorization = await goToProvider(page);
    // The authorization request the console made: code flow, PKCE S256, state and nonce, back to /auth/callback.
    const parameters = Object.fromEntries(authorization.searchParams);
    expect(parameters).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: `${consoleStack.origin}/auth/callback`,
      response_type: 'code',
      scope: 'openid profile',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
    });
    await submitLogin(page, 'wang.xie');

    await page.getByRole('heading', { name: '双月沟通会', exact: true }).waitFor();
    await page.getByText('王协调（总工会 · 联络员）', { exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/meetings');

    const stored = (await page.evaluate('({ session: { ...sessionStorage }, local: Object.keys(localStorage) })')) as {
      session: Record<string, string>;
      local: string[];
    };
    expect(stored.local).toEqual([]);
    // The round trip's verifier, state and nonce are gone once the callback is handled.
    expect(Object.keys(stored.session).sort()).toEqual(['labour-console.session']);
    const token = stored.session['labour-console.session']!;
    expect(headerOf(token)).toMatchObject({ alg: 'ES256', kid: TEST_IDP_KEYS[Department.UNION].kid });
    const payload = payloadOf(token);
    expect(payload).toMatchObject({ iss: issuer, sub: 'wang.xie', name: '王协调', department: 'UNION', roles: ['COORDINATOR'] });
    expect([payload.aud].flat()).toEqual([TEST_AUTH.audience]);
    expect(payload.exp - payload.iat).toBe(3600);

    // The console's own GraphQL request with that token: the gateway and the union's subgraph accept it.
    const answer = (await page.evaluate(`fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('labour-console.session') },
      body: JSON.stringify({ query: '{ jointMeetings { id convenedBy } }' }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }))`)) as {
      status: number;
      body: { data?: { jointMeetings: Array<{ convenedBy: string }> }; errors?: unknown };
    };
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.jointMeetings.length).toBeGreaterThan(0);
    expect(answer.body.data!.jointMeetings.every((m) => m.convenedBy === 'UNION')).toBe(true);

    expect(consoleStack.outsideRequests).toEqual([]);
    expect([...contacted].sort()).toEqual([consoleStack.origin, issuer].sort());
  });

  it("has the services refuse a provider's token for a department its signing key is not bound to", async () => {
    const page = await signInPage();
    await goToProvider(page);
    await submitLogin(page, 'li.faguan');
    // The console reads the token's claims to show who is signed in; the gateway decides whether it holds.
    await page.getByText('李法官（法院 · 经办人）', { exact: true }).waitFor();
    const answer = (await page.evaluate(`fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('labour-console.session') },
      body: JSON.stringify({ query: '{ jointMeetings { id } }' }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }))`)) as { status: number; body: unknown };
    expect(answer).toEqual(
      unauthenticated(
        `The token speaks for COURT, but the key that signed it (kid "${TEST_IDP_KEYS[Department.UNION].kid}") is bound to UNION`,
      ),
    );
    await page.getByRole('alert').first().waitFor();
    expect(consoleStack.outsideRequests).toEqual([]);
  });

  it('says so when the person cancels at the provider (access_denied), and stays signed out', async () => {
    const page = await signInPage();
    await goToProvider(page);
    await page.getByRole('link', { name: '取消登录', exact: true }).click();
    await page.waitForURL((url) => url.origin === consoleStack.origin && url.pathname === '/auth/callback');
    await page
      .getByRole('alert')
      .filter({ hasText: '统一身份认证拒绝了此次登录（access_denied：the person cancelled the sign-in）。' })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sign-in-oidc-denied.png') });
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);
    await page.getByRole('link', { name: '返回登录页', exact: true }).click();
    await page.getByRole('button', { name: '通过统一身份认证登录', exact: true }).waitFor();
    expect(consoleStack.outsideRequests).toEqual([]);
  });

  it('refuses a callback whose state is not the one this tab sent, before exchanging anything', async () => {
    const page = await signInPage();
    await goToProvider(page);
    const tokenRequests: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().startsWith(issuer) && request.method() === 'POST') tokenRequests.push(request.url());
    });
    await page.goto(`${consoleStack.origin}/auth/callback?code=forged-code&state=forged-state&iss=${encodeURIComponent(issuer)}`);
    await page.getByRole('alert').filter({ hasText: '登录回应与本页面发起的登录不符（state 不匹配），已拒绝。请重新登录。' }).waitFor();
    expect(tokenRequests).toEqual([]);
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);
  });

  it('says that no sign-in is in progress for a callback opened on its own, in English too', async () => {
    const page = await signInPage();
    await page.evaluate("sessionStorage.setItem('labour-console.language', 'en')");
    await page.goto('/auth/callback?code=some-code&state=some-state');
    await page
      .getByRole('alert')
      .filter({
        hasText:
          'No sign-in is in progress in this tab (the callback was already handled, or the sign-in began in another tab). Sign in again.',
      })
      .waitFor();
    await page.getByRole('link', { name: 'Back to sign-in', exact: true }).waitFor();
  });
});
