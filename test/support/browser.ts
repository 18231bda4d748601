import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Department } from '@labour/shared';
import type { ConsoleOptions } from '../../gateway/src/console/console-routes';
import { startStack, type RunningStack, type StackOptions } from './stack';
import { TEST_CLOCK } from './subgraph-harness';
import { TEST_AUTH, TEST_IDP_KEYS } from './tokens';

/**
 * The browser tests: the whole stack as in the e2e tests, with the gateway serving the built console
 * (`dist/console`, built by the browser run's global setup) and signing development tokens with the test
 * keys, driven by Debian's Chromium through playwright-core. Playwright's own browser download cannot
 * work on a closed network, so the system's Chromium is used: CHROMIUM_PATH, else /usr/bin/chromium.
 */
export const CONSOLE_DIR = join(__dirname, '..', '..', 'dist', 'console');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface ConsoleStack {
  stack: RunningStack;
  /** The gateway's origin, where the console is served (`stack.gatewayUrl` is its /graphql). */
  origin: string;
  browser: Browser;
  /** A fresh browser context (its own session storage) with one page, on the console's sign-in. */
  newPage(): Promise<Page>;
  /** Every request a page made to another origin (refused): the console must work on a closed network. */
  readonly outsideRequests: readonly string[];
  stop(): Promise<void>;
}

/** Where the screenshots for the README go (`npm run test:browser` writes them). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs', 'console');

export interface ConsoleStackOptions extends Omit<StackOptions, 'console'> {
  /** Overrides of the console's options (e.g. `oidc`: the identity provider a test runs). */
  console?: Partial<ConsoleOptions>;
  /** Origins besides the gateway's that pages may reach (a test's identity provider); every other is refused. */
  allowOrigins?: readonly string[];
}

export async function startConsoleStack(options: ConsoleStackOptions = {}): Promise<ConsoleStack> {
  const { allowOrigins = [], console: consoleOverride, ...stackOptions } = options;
  const stack = await startStack({
    ...stackOptions,
    console: {
      staticDir: CONSOLE_DIR,
      // The services' day (the subgraphs run on TEST_CLOCK), from which the console counts days left.
      clock: TEST_CLOCK,
      devSigning: {
        keys: Object.fromEntries(Object.values(Department).map((d) => [d, TEST_IDP_KEYS[d].privateJwk])) as Record<
          Department,
          (typeof TEST_IDP_KEYS)[Department]['privateJwk']
        >,
        audience: TEST_AUTH.audience,
        ttlSeconds: 3600,
      },
      ...consoleOverride,
    },
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await stack.stop();
    throw new Error(
      `Chromium did not start from ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH): ${(error as Error).message}`,
    );
  }
  const contexts: Array<{ close(): Promise<void> }> = [];
  const outsideRequests: string[] = [];
  const origin = new URL(stack.gatewayUrl).origin;
  return {
    stack,
    origin,
    browser,
    outsideRequests,
    async newPage() {
      const context = await browser.newContext({
        baseURL: origin,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      // Nothing may leave the platform: a request to another origin is refused and recorded.
      await context.route(
        (url) => url.origin !== origin && !allowOrigins.includes(url.origin),
        async (route) => {
          outsideRequests.push(route.request().url());
          await route.abort('blockedbyclient');
        },
      );
      const page = await context.newPage();
      await page.goto('/');
      return page;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      // Playwright removes the profile it made for this browser (a fresh one per launch).
      await browser.close();
      await stack.stop();
    },
  };
}

/** Signs in through the development sign-in form, as a person would. */
export async function signInAs(page: Page, who: { department: Department; roles: readonly string[]; name: string }): Promise<void> {
  await page.getByLabel(/部门|Department/).selectOption(who.department);
  for (const box of await page.getByRole('checkbox').all()) {
    const value = await box.getAttribute('value');
    if ((await box.isChecked()) !== who.roles.includes(value ?? '')) await box.click();
  }
  await page.getByLabel(/姓名|Name/).fill(who.name);
  await page
    .getByRole('button', { name: /^(登录|Sign in)$/ })
    .first()
    .click();
  await page.getByRole('button', { name: /退出|Sign out/ }).waitFor();
}
