import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility violation as axe-core reports it, trimmed to what a failing test should print. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is and returns the serious and critical
 * violations. The script is evaluated through the DevTools protocol, so the console's
 * Content-Security-Policy (scripts from itself only) stays on.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const violations = (await page.evaluate(`(async () => {
    ${AXE_SOURCE}
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })()`)) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
