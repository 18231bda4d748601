import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs } from '../support/browser';
import { useConsoleStack } from './console-stack';
import { TEST_AS_OF } from '../support/subgraph-harness';

const consoleStack = useConsoleStack();

/** The channel list's row for a code. */
function row(page: Page, code: string) {
  return page.locator(`tr[data-channel="${code}"]`);
}

/** The text of the channel page's fact named `term` (its <dd>). */
async function fact(page: Page, term: string): Promise<string> {
  const text = await page
    .locator('dl.channel-facts dt', { hasText: new RegExp(`^${term}$`) })
    .first()
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  return text.trim();
}

const CODE = 'HR-COURT-LAYOFF-PLANS';

describe('the console: sharing channels', () => {
  it('lists the registry for an HR_BUREAU ADMIN, with filters, in Chinese and in English', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '李管理' });
    await page.getByRole('navigation').getByRole('link', { name: '共享渠道', exact: true }).click();
    await page.getByRole('heading', { name: '信息共享渠道', exact: true, level: 1 }).waitFor();
    await row(page, 'HR-UNION-ARREARS').waitFor();

    const arrears = row(page, 'HR-UNION-ARREARS');
    const cells = await arrears.locator('th, td').allInnerTexts();
    expect(cells[0]).toBe('HR-UNION-ARREARS');
    expect(cells[1]).toBe('人社局');
    expect(cells[2]).toBe('总工会');
    expect(cells[5]).toBe('2026-01-01 至 2028-12-31');
    expect(cells[6]).toBe('生效');
    expect(cells[7]).toBe('一致');
    expect(cells[8]).toContain('WageArrearsAlert');
    expect(cells[8]).toContain('amountOwed');
    expect(await page.locator('tr[data-channel]').count()).toBe(7);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'channels.png'), fullPage: true });

    await page.getByLabel('提供方', { exact: true }).selectOption(Department.COURT);
    await page.getByText('共 2 个渠道').waitFor();
    expect((await page.locator('tr[data-channel]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-channel')))).sort()).toEqual([
      'COURT-HR-SUGGESTIONS',
      'COURT-UNION-ENFORCEMENT',
    ]);
    await page.getByLabel('当前状态', { exact: true }).selectOption('SUSPENDED');
    await page.getByText('暂无数据').waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Sharing channels', exact: true, level: 1 }).waitFor();
    await page.getByLabel('Status today', { exact: true }).selectOption('');
    await row(page, 'COURT-HR-SUGGESTIONS').waitFor();
    expect(await row(page, 'COURT-HR-SUGGESTIONS').locator('td').nth(0).innerText()).toBe("People's Court");
    expect(await row(page, 'COURT-HR-SUGGESTIONS').locator('td').nth(5).innerText()).toBe('Active');
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  it('lets an HR_BUREAU ADMIN propose a channel to the court with fields from the catalogue, activate, suspend and revoke it', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '李管理' });
    await page.goto('/channels');
    await page.getByRole('link', { name: '拟议新渠道', exact: true }).click();
    await page.getByRole('heading', { name: '拟议共享渠道', exact: true, level: 1 }).waitFor();
    await page.getByText('提供方：人社局（您所在部门）').waitFor();

    await page.getByLabel('渠道编号（3–60 位大写字母、数字和连字符）').fill(CODE);
    await page.getByRole('group', { name: '使用方' }).getByLabel('法院', { exact: true }).check();
    // Only the bureau's scope kinds are offered; the field pickers follow the scope's types.
    const scopes = await page
      .getByLabel('共享范围', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
    expect(scopes).toEqual(['', 'HR_OPEN_WAGE_ARREARS', 'HR_CURRENT_LAYOFFS', 'HR_ENDED_ARBITRATION', 'HR_PUBLISHED_FIGURES']);
    await page.getByText('先选择共享范围，再选择字段。').waitFor();
    await page.getByLabel('共享范围', { exact: true }).selectOption('HR_CURRENT_LAYOFFS');
    const pickers = page.locator('fieldset[data-type="LayoffReport"] input[type="checkbox"]');
    // The catalogue's SHARED fields of LayoffReport, and none of its PUBLIC ones (reportNo, plannedCount…).
    expect(await pickers.evaluateAll((boxes) => boxes.map((b) => b.getAttribute('value')))).toEqual(['reason', 'placementPlan']);
    await page.getByLabel('LayoffReport.reason', { exact: true }).check();
    await page.getByLabel('LayoffReport.placementPlan', { exact: true }).check();
    await page.getByLabel('共享目的', { exact: true }).fill('法院审理劳动争议案件时核对经济性裁员的理由与职工安置方案');
    await page.getByLabel('法律依据', { exact: true }).fill('《劳动合同法》第四十一条');
    // The form starts on the browser's day in China; the test services' day is TEST_AS_OF.
    await page.getByLabel('生效日期', { exact: true }).fill(TEST_AS_OF);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'channel-propose.png'), fullPage: true });

    // A bundle whose catalogue were out of date could offer a PUBLIC field: the API's refusal names it.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables: { input?: { grants?: Array<{ fields: string[] }> } } };
      if (body.query.includes('proposeSharingChannel') && body.variables.input?.grants?.[0])
        body.variables.input.grants[0].fields.push('plannedCount');
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByRole('button', { name: '提交拟议', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal
      .getByText('grants[0].fields[2] is PUBLIC: every department reads LayoffReport.plannedCount already, there is nothing to grant')
      .waitFor();
    expect(await refusal.locator('[data-code]').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    await refusal.getByText('输入有误', { exact: true }).waitFor();
    await page.unroute('**/graphql');

    await page.getByRole('button', { name: '提交拟议', exact: true }).click();
    await page.waitForURL(`**/channels/${CODE}`);
    await page.getByRole('heading', { name: `信息共享渠道 ${CODE}`, exact: true, level: 1 }).waitFor();
    expect(await fact(page, '状态')).toBe('拟议');
    expect(await fact(page, '使用方')).toBe('法院');
    // A proposal with no decision at the provider: the registry and the provider agree that nothing is granted.
    expect(await fact(page, '提供方记录')).toBe('一致');
    expect(await fact(page, '提供方的决定记录（提供方据此执行）')).toBe('提供方尚未记录任何决定');
    expect(await fact(page, '共享字段')).toBe('LayoffReport: reason、placementPlan');
    expect(await fact(page, '共享范围')).toContain('HR_CURRENT_LAYOFFS — 裁员生效日在今日之后或近365日内的经济性裁员报告');
    expect(await fact(page, '最近一次决定')).toBe('尚未作出决定');
    expect(await seriousViolations(page)).toEqual([]);

    // Proposing the same code again: the API's CONFLICT is shown as it comes.
    await page.goto('/channels/new');
    await page.getByLabel('渠道编号（3–60 位大写字母、数字和连字符）').fill(CODE);
    await page.getByRole('group', { name: '使用方' }).getByLabel('法院', { exact: true }).check();
    await page.getByLabel('共享范围', { exact: true }).selectOption('HR_CURRENT_LAYOFFS');
    await page.getByLabel('LayoffReport.reason', { exact: true }).check();
    await page.getByLabel('共享目的', { exact: true }).fill('重复');
    await page.getByLabel('法律依据', { exact: true }).fill('重复');
    await page.getByRole('button', { name: '提交拟议', exact: true }).click();
    await page.getByRole('alert').getByText('冲突', { exact: true }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(CODE);

    await page.goto(`/channels/${CODE}`);
    await page.getByRole('button', { name: '启用', exact: true }).click();
    await page.getByRole('status').getByText('渠道已启用').waitFor();
    await page.locator('dd [data-status="ACTIVE"]').waitFor();
    expect(await fact(page, '状态')).toBe('生效');
    expect(await fact(page, '今日是否授权')).toBe('是');
    expect(await fact(page, '提供方记录')).toBe('一致');
    expect(await fact(page, '最近一次决定')).toMatch(/^李管理（.+）于 .+ 决定$/);
    expect(await page.locator('[data-provider-record]').getAttribute('data-provider-record')).toBe('ACTIVE');

    // A second tab still holding the channel as it was before the suspension below: its decision is refused.
    const stale = await consoleStack().newPage();
    await signInAs(stale, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '李管理' });
    await stale.goto(`/channels/${CODE}`);
    await stale.getByRole('button', { name: '暂停', exact: true }).waitFor();

    await page.getByLabel('理由（可选，记入决定）').fill('核对安置方案期间暂停');
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    await page.getByRole('status').getByText('渠道已暂停').waitFor();
    await page.locator('dd [data-status="SUSPENDED"]').waitFor();
    expect(await fact(page, '今日是否授权')).toBe('否');
    expect(await fact(page, '最近一次决定')).toContain('理由：核对安置方案期间暂停');
    expect(await page.locator('[data-provider-record]').getAttribute('data-provider-record')).toBe('SUSPENDED');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'channel.png'), fullPage: true });

    await stale.getByRole('button', { name: '暂停', exact: true }).click();
    const conflict = stale.getByRole('alert');
    await conflict.getByText('冲突', { exact: true }).waitFor();
    expect(await conflict.locator('[data-code]').getAttribute('data-code')).toBe('CONFLICT');

    // Revoking asks first; cancelling keeps the channel.
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.getByRole('alertdialog').getByText(`确定撤销渠道 ${CODE} 吗？撤销后永久失效，不能再启用。`).waitFor();
    await page.getByRole('button', { name: '取消', exact: true }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await fact(page, '状态')).toBe('暂停');
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.getByRole('button', { name: '确认撤销', exact: true }).click();
    await page.getByRole('status').getByText('渠道已撤销').waitFor();
    await page.locator('dd [data-status="REVOKED"]').waitFor();
    await page.getByText('此渠道已撤销或已过期，不能再作决定。').waitFor();
    expect(await page.getByRole('button', { name: '启用', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: `Sharing channels ${CODE}`, exact: true, level: 1 }).waitFor();
    expect(await fact(page, 'Status')).toBe('Revoked');
    expect(await fact(page, 'Consumers')).toBe("People's Court");
    expect(await fact(page, 'Validity')).toBe(`from ${TEST_AS_OF}, open-ended`);
    await page.getByText('This channel is revoked or expired: no decision can be made on it.').waitFor();
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  it('gives a COURT CASEWORKER no menu entry, and the registry read-only by its address', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.COURT, roles: [Role.CASEWORKER], name: '赵经办' });
    await page.getByRole('heading', { name: '双月沟通会', exact: true }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: '共享渠道', exact: true }).count()).toBe(0);

    await page.goto('/channels');
    await row(page, 'HR-COURT-ARBITRATION').waitFor();
    await page.getByText('您可以查看共享渠道；只有提供方的管理员可以拟议和决定。').waitFor();
    expect(await page.getByRole('link', { name: '拟议新渠道', exact: true }).count()).toBe(0);

    await row(page, 'COURT-HR-SUGGESTIONS').getByRole('link', { name: 'COURT-HR-SUGGESTIONS', exact: true }).click();
    await page.getByRole('heading', { name: '信息共享渠道 COURT-HR-SUGGESTIONS', exact: true, level: 1 }).waitFor();
    // Its own department's channel, but a caseworker does not decide.
    await page.getByText('只有提供方（法院）的管理员可以对此渠道作出决定。').waitFor();
    expect(await page.getByRole('button', { name: /^(启用|暂停|撤销)$/ }).count()).toBe(0);
    expect(await fact(page, '状态')).toBe('生效');

    await page.goto('/channels/new');
    await page.getByRole('alert').getByText('只有管理员可以拟议其所在部门的共享渠道。').waitFor();
    expect(await page.getByRole('button', { name: '提交拟议' }).count()).toBe(0);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('alert').getByText("Only administrators propose their department's channels.").waitFor();
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  // Last: it stops the court's subgraph for good.
  it('shows a provider that cannot be asked for its record as unavailable, not as agreeing or disagreeing', async () => {
    await consoleStack().stack.subgraphs.get('court')!.stop();
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '李管理' });
    await page.goto('/channels');
    await row(page, 'COURT-HR-SUGGESTIONS').waitFor();
    expect(await row(page, 'COURT-HR-SUGGESTIONS').locator('td').nth(6).innerText()).toBe('法院暂不可用');
    expect(await row(page, 'HR-UNION-ARREARS').locator('td').nth(6).innerText()).toBe('一致');

    await page.goto('/channels/COURT-HR-SUGGESTIONS');
    await page.getByRole('heading', { name: '信息共享渠道 COURT-HR-SUGGESTIONS', exact: true, level: 1 }).waitFor();
    expect(await fact(page, '提供方记录')).toBe('法院暂不可用');
    expect(await fact(page, '提供方的决定记录（提供方据此执行）')).toBe('法院暂不可用');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
