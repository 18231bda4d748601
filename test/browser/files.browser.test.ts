import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs } from '../support/browser';
import { useConsoleStack } from './console-stack';

/**
 * The enterprise file (一企一档) and the dispute timeline (调裁审援) in the browser, against the demo
 * world's wage-arrears story: a builder owing 486,300 yuan to 58 workers on a resettlement-housing
 * project, with cases in all four departments.
 */
const BUILDER = '91110115102884310L';
const BUILDER_NAME = '北京京开建工集团有限公司';
const PROJECT = '亦庄新城C2地块安置房项目';

const consoleStack = useConsoleStack({ faults: true });

/** A fresh page signed in; days left count from the services' day (TEST_AS_OF), which the gateway gives the console. */
async function openAs(who: { department: Department; roles: Role[]; name: string }): Promise<Page> {
  const page = await consoleStack().newPage();
  await signInAs(page, who);
  return page;
}

/** The text of a department's section of the file. */
function section(page: Page, department: string) {
  return page.locator(`section[data-department="${department}"]`);
}

/** The cells of one record list's rows, as text. */
async function rowsOf(page: Page, records: string): Promise<string[][]> {
  return page
    .locator(`[data-records="${records}"] tbody tr`)
    .evaluateAll((rows: Array<{ cells: ArrayLike<{ textContent: string | null }> }>) =>
      rows.map((row) => Array.from(row.cells).map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** Every /graphql request a page makes, to show that a malformed input never reaches the gateway. */
function graphqlRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') seen.push(request.postData() ?? '');
  });
  return seen;
}

interface StoryDispute {
  disputeNo: string;
  arbitrationCases: Array<{ caseNo: string; filedOn: string; closedOn: string | null }>;
  lawsuits: Array<{ caseNo: string; filedOn: string; judgmentOn: string | null }>;
  enforcementCases: Array<{ caseNo: string; filedOn: string; dueOn: string | null; overdue: boolean }>;
  mediationCases: unknown[];
  legalConsultations: unknown[];
  legalAidCases: unknown[];
  peopleMediationCases: unknown[];
  judicialConfirmations: unknown[];
}

describe('the enterprise file and the dispute timeline', () => {
  it('shows a UNION COORDINATOR the builder of the wage-arrears story with each department’s section and cases, in Chinese and in English', async () => {
    const page = await openAs({ department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    await page.getByRole('link', { name: '一企一档', exact: true }).click();
    await page.getByRole('heading', { name: '一企一档', exact: true, level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // By part of the name: one enterprise found, linked to its file.
    await page.getByLabel('企业名称或统一社会信用代码', { exact: true }).fill('京开建工');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByText('共 1 家企业', { exact: true }).waitFor();
    await page.getByRole('link', { name: BUILDER_NAME, exact: true }).click();
    await page.getByRole('heading', { name: BUILDER_NAME, exact: true, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/enterprises/${BUILDER}`);

    // One section per department, under the names the departments use.
    const sections = await page.locator('section[data-department] > h2').allTextContents();
    expect(sections).toEqual(['人社局', '总工会', '法院', '司法局']);

    // 人社局: the register, the red warning with its amount (shared with the union over HR-UNION-ARREARS), the overdue rectification.
    await expect(section(page, 'HR_BUREAU').locator('dl.register').textContent()).resolves.toContain('建筑施工');
    const alerts = await rowsOf(page, 'alerts');
    const story = alerts.find((cells) => cells[1] === PROJECT);
    expect(story).toBeDefined();
    expect(story!.slice(2)).toEqual(['红色', '¥486300.00', '58', story![5], '未化解']);
    const inspections = await rowsOf(page, 'inspections');
    expect(
      inspections.some((cells) => cells[1] === '投诉举报' && cells[4] === '责令整改' && /^\d{4}-\d{2}-\d{2} 已逾期$/.test(cells[5]!)),
    ).toBe(true);
    expect((await rowsOf(page, 'arbitration')).length).toBeGreaterThanOrEqual(2);

    // 总工会: its own mediation case of the story, lapsed, with the workers' names in clear; the emergency aid.
    const lapsed = (await rowsOf(page, 'mediation')).find((cells) => cells[5] === '已结案逾期未达成协议' && /等 12 人$/.test(cells[2]!));
    expect(lapsed).toBeDefined();
    const collectiveDispute = lapsed![1]!;
    expect(collectiveDispute).toMatch(/^LD-UN-2026-\d{6}$/);
    expect(lapsed![2]).not.toContain('*');
    expect(lapsed![6]).toBe('无待办期限');
    expect((await rowsOf(page, 'aid')).filter((cells) => cells[2] === '应急救助').length).toBeGreaterThanOrEqual(3);

    // 法院: the earlier worker's lawsuit and the open enforcement; 司法局: legal aid without a hardship check.
    expect((await rowsOf(page, 'lawsuits')).length).toBeGreaterThanOrEqual(1);
    const enforcement = await rowsOf(page, 'enforcement');
    expect(enforcement.some((cells) => cells[5] === '执行中' && /天后到期$/.test(cells[6]!))).toBe(true);
    const aid = (await rowsOf(page, 'legal-aid')).filter((cells) => cells[1] === collectiveDispute);
    expect(aid.map((cells) => cells[3])).toEqual(['农民工讨薪', '农民工讨薪', '农民工讨薪', '农民工讨薪']);

    // Every case links to its dispute's timeline.
    const links = await page.locator('a[data-dispute]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => /^\/disputes\/LD-(HR|UN|CT|JU)-\d{4}-\d{6}$/.test(href ?? ''))).toBe(true);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'enterprise.png'), fullPage: true });

    // The English switch relabels the sections and the records.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Wage-arrears warnings', exact: false, level: 3 }).waitFor();
    expect(await page.locator('section[data-department] > h2').allTextContents()).toEqual([
      'HR & Social Security Bureau',
      'Federation of Trade Unions',
      "People's Court",
      'Justice Bureau',
    ]);
    expect((await rowsOf(page, 'alerts')).find((cells) => cells[1] === PROJECT)?.[2]).toBe('Red');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { name: '人社局', exact: true, level: 2 }).waitFor();
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  it('shows a COURT CASEWORKER the same file with what is not shared marked forbidden and names masked', async () => {
    const page = await openAs({ department: Department.COURT, roles: [Role.CASEWORKER], name: '王法官' });
    await page.goto(`/enterprises/${BUILDER}`);
    await page.getByRole('heading', { name: BUILDER_NAME, exact: true, level: 1 }).waitFor();

    // No channel gives the court the labour bureau's arrears (the site and the amount): marked as not shared, never blank.
    const story = (await rowsOf(page, 'alerts')).find((cells) => cells[2] === '红色' && cells[4] === '58');
    expect(story).toBeDefined();
    expect([story![1], story![3], story![6]]).toEqual(['未向您共享（需共享渠道）', '未向您共享（需共享渠道）', '未化解']);
    expect(await section(page, 'HR_BUREAU').locator('[data-records="alerts"] [data-gap="forbidden"]').count()).toBeGreaterThanOrEqual(1);
    // The union's mediation applicants reach the court masked, and say so.
    const mediation = await rowsOf(page, 'mediation');
    expect(mediation.length).toBeGreaterThanOrEqual(1);
    expect(mediation.every((cells) => cells[2]!.includes('*') && cells[2]!.includes('已脱敏'))).toBe(true);
    expect(await section(page, 'UNION').locator('[data-gap="masked"]').count()).toBeGreaterThanOrEqual(1);
    // Its own lawsuits in clear: no masked plaintiff.
    const lawsuits = await rowsOf(page, 'lawsuits');
    expect(lawsuits.length).toBeGreaterThanOrEqual(1);
    expect(lawsuits.every((cells) => !cells[2]!.includes('已脱敏'))).toBe(true);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a dispute of the builder with its stages in time order, their dates and legal clock, and links back to the file', async () => {
    const answer = await consoleStack().stack.query<{ enterprise: { lawsuits: Array<{ dispute: StoryDispute }> } }>(
      `{ enterprise(creditCode: "${BUILDER}") { lawsuits { dispute { disputeNo
          arbitrationCases { caseNo filedOn closedOn } lawsuits { caseNo filedOn judgmentOn } enforcementCases { caseNo filedOn dueOn overdue }
          mediationCases { caseNo } legalConsultations { consultationNo } legalAidCases { caseNo } peopleMediationCases { caseNo } judicialConfirmations { caseNo } } } } }`,
    );
    // The earlier worker's case of the story: award, lawsuit, enforcement still open.
    const dispute = answer.body
      .data!.enterprise.lawsuits.map((l) => l.dispute)
      .find(
        (d) =>
          d.disputeNo.startsWith('LD-HR-') &&
          d.arbitrationCases.length === 1 &&
          d.lawsuits.length === 1 &&
          d.enforcementCases.length === 1 &&
          d.enforcementCases[0]!.dueOn !== null &&
          [d.mediationCases, d.legalConsultations, d.legalAidCases, d.peopleMediationCases, d.judicialConfirmations].every(
            (list) => list.length === 0,
          ),
      )!;
    expect(dispute).toBeDefined();
    const [arbitration, lawsuit, enforcement] = [dispute.arbitrationCases[0]!, dispute.lawsuits[0]!, dispute.enforcementCases[0]!];

    const page = await openAs({ department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    await page.goto(`/enterprises/${BUILDER}`);
    await page.locator(`[data-records="lawsuits"] a[data-dispute="${dispute.disputeNo}"]`).click();
    await page.getByRole('heading', { name: `争议 ${dispute.disputeNo}`, exact: true, level: 1 }).waitFor();

    const stages = page.getByRole('list', { name: /^各环节/ }).getByRole('listitem');
    await stages.first().waitFor();
    expect(await stages.locator('h3').allTextContents()).toEqual(['1. 劳动仲裁 · 人社局', '2. 诉讼 · 法院', '3. 执行 · 法院']);
    expect(await stages.locator('time.timeline-date').allTextContents()).toEqual([
      arbitration.filedOn,
      lawsuit.filedOn,
      enforcement.filedOn,
    ]);
    // Each stage's facts, term by term, as the list shows them.
    type Term = { textContent: string | null; nextElementSibling: { textContent: string | null } | null };
    const facts = await stages.evaluateAll((items: Array<{ querySelectorAll(selector: 'dt'): ArrayLike<Term> }>) =>
      items.map((item) =>
        Object.fromEntries(
          Array.from(item.querySelectorAll('dt')).map((dt) => [
            (dt.textContent ?? '').trim(),
            (dt.nextElementSibling?.textContent ?? '').trim(),
          ]),
        ),
      ),
    );
    expect(facts[0]).toMatchObject({
      案号: arbitration.caseNo,
      申请日期: arbitration.filedOn,
      结案日期: arbitration.closedOn,
      状态: '已结案（裁决）',
      法定期限: '无待办期限',
    });
    expect(facts[0]!['起诉期限']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(facts[1]).toMatchObject({ 案号: lawsuit.caseNo, 立案日期: lawsuit.filedOn, 判决日期: lawsuit.judgmentOn });
    const daysLeft = Math.round((Date.parse(enforcement.dueOn!) - Date.parse(TEST_AS_OF)) / 86_400_000);
    expect(facts[2]).toMatchObject({
      案号: enforcement.caseNo,
      立案日期: enforcement.filedOn,
      结案日期: '尚未结束',
      状态: '执行中',
      法定期限: `${enforcement.dueOn} ${daysLeft} 天后到期`,
    });
    // The time axis is there, described for a screen reader.
    await page.getByRole('img', { name: /^时间轴：/ }).waitFor();
    await page.getByRole('link', { name: BUILDER_NAME, exact: true }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dispute.png'), fullPage: true });

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: `Dispute ${dispute.disputeNo}`, exact: true, level: 1 }).waitFor();
    const stagesInEnglish = page.getByRole('list', { name: /^Stages in time order/ }).getByRole('listitem');
    expect(await stagesInEnglish.locator('h3').allTextContents()).toEqual([
      '1. Arbitration · HR & Social Security Bureau',
      "2. Lawsuit · People's Court",
      "3. Enforcement · People's Court",
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('names the dispute-number rule for a malformed number before asking anything', async () => {
    const page = await openAs({ department: Department.JUSTICE, roles: [Role.CASEWORKER], name: '赵律师' });
    await page.getByRole('link', { name: '调裁审援', exact: true }).click();
    await page.getByRole('heading', { name: '调裁审援', exact: true, level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const requests = graphqlRequests(page);

    await page.getByLabel('争议编号', { exact: true }).fill('LD-XY-2026-12');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      '争议编号“LD-XY-2026-12”格式不正确：应为 LD-<HR|UN|CT|JU>-<4位年份>-<6位序号>，例如 LD-UN-2026-000123',
    );
    expect(await page.getByLabel('争议编号', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/disputes');
    expect(await seriousViolations(page)).toEqual([]);

    // The same rule for a malformed number in the address.
    await page.goto('/disputes/LD-UN-26-1');
    await page.getByRole('heading', { name: '争议 LD-UN-26-1', exact: true, level: 1 }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('应为 LD-<HR|UN|CT|JU>-<4位年份>-<6位序号>');
    expect(requests).toEqual([]);

    // A well-formed number no department knows is said to be unknown, not shown as an empty timeline.
    await page.getByLabel('争议编号', { exact: true }).fill(' ld-ju-2026-999999 ');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.getByText('没有任何部门登记过争议 LD-JU-2026-999999', { exact: true }).waitFor();
    expect(requests).toHaveLength(1);

    // A credit code with a wrong check character is named too, before anything is asked; the right one opens the file.
    await page.getByRole('link', { name: '一企一档', exact: true }).click();
    await page.getByText(/^共 \d+ 家企业$/).waitFor();
    const before = requests.length;
    await page.getByLabel('企业名称或统一社会信用代码', { exact: true }).fill('91110115102884310X');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      '统一社会信用代码“91110115102884310X”的校验位不正确（GB 32100），请核对',
    );
    expect(requests).toHaveLength(before);
    await page.getByLabel('企业名称或统一社会信用代码', { exact: true }).fill(BUILDER.toLowerCase());
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('heading', { name: BUILDER_NAME, exact: true, level: 1 }).waitFor();
  });

  it('says which department is unavailable instead of showing its records as none', async () => {
    const page = await openAs({ department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    consoleStack().stack.faults.get('court')!.set({ kind: 'down' });
    try {
      await page.goto(`/enterprises/${BUILDER}`);
      await page.getByRole('heading', { name: BUILDER_NAME, exact: true, level: 1 }).waitFor();
      await expect(page.locator('[data-gap="missing-departments"]').textContent()).resolves.toBe('暂不可用：法院');
      const court = section(page, 'COURT');
      expect(await court.locator('[data-gap="unavailable"]').allTextContents()).toEqual([
        '法院暂不可用',
        '法院暂不可用',
        '法院暂不可用',
        '法院暂不可用',
      ]);
      expect(await court.locator('table').count()).toBe(0);
      // The other departments' records are all there.
      expect((await rowsOf(page, 'alerts')).some((cells) => cells[1] === PROJECT)).toBe(true);
      expect((await rowsOf(page, 'legal-aid')).length).toBeGreaterThanOrEqual(4);
      expect(await seriousViolations(page)).toEqual([]);

      // A dispute that went to court shows the stages the others hold, and names the court as unavailable.
      await page.locator('[data-records="arbitration"] a[data-dispute^="LD-HR-"]').first().click();
      await page.getByRole('heading', { name: /^争议 LD-HR-/, level: 1 }).waitFor();
      await expect(page.getByRole('list', { name: '未能显示的环节', exact: true }).textContent()).resolves.toBe('法院：法院暂不可用');
      expect(
        await page
          .getByRole('list', { name: /^各环节/ })
          .locator('h3')
          .allTextContents(),
      ).toEqual(['1. 劳动仲裁 · 人社局']);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      consoleStack().stack.faults.get('court')!.set({ kind: 'pass' });
    }
  });
});
