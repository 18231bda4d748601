import { join } from 'node:path';
import { Department, Role } from '@labour/shared';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs } from '../support/browser';
import { useConsoleStack } from './console-stack';

const consoleStack = useConsoleStack();

describe('the console: signing in and out', () => {
  it('is served at / in Chinese, signs a development token, keeps it in session storage only, and signs out', async () => {
    const page = await consoleStack().newPage();
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    // No identity provider configured: no button for it (once the configuration is read, which shows the development sign-in).
    await page.getByRole('heading', { name: '开发环境登录', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '通过统一身份认证登录' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sign-in.png') });

    await signInAs(page, { department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    await page.getByRole('heading', { name: '双月沟通会', exact: true }).waitFor();
    await page.getByText('王协调（总工会 · 联络员）').waitFor();
    const stored = (await page.evaluate('({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })')) as {
      session: string[];
      local: string[];
    };
    expect(stored.session).toContain('labour-console.session');
    expect(stored.local).toEqual([]);

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
    expect(await page.evaluate('Object.keys(sessionStorage)')).not.toContain('labour-console.session');
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  it('refuses a development token for the SERVICE role or without a name, naming the field', async () => {
    const post = (body: unknown) =>
      fetch(`${consoleStack().origin}/console-api/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const service = await post({ department: 'COURT', roles: ['SERVICE'], name: 'x' });
    expect(service.status).toBe(400);
    expect(((await service.json()) as { error: string }).error).toMatch(/^roles: /);
    const nameless = await post({ department: 'COURT', roles: ['CASEWORKER'], name: ' ' });
    expect(((await nameless.json()) as { error: string }).error).toMatch(/^name: /);
  });

  it('serves the console with a policy that lets nothing load from outside', async () => {
    const response = await fetch(`${consoleStack().origin}/meetings`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
  });
});
