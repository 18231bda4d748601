import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs, startConsoleStack, type ConsoleStack } from '../support/browser';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * The indicators and the access log in the console: a labour-bureau analyst picks a period and a district,
 * reads the figures (withheld cells marked as withheld), a chart and a CSV of what is shown; the court's
 * administrator finds another department's reads of court records in the court's access log.
 */
let consoleStack: ConsoleStack;

const YEAR = TEST_AS_OF.slice(0, 4);
const SUPPRESSED = '已抑制（样本过小）';
const ANALYST = asPrincipal(Department.HR_BUREAU, Role.ANALYST);
const FIGURES = `value cases suppressed byDistrict { district value cases suppressed }`;
const API_INDICATORS = `query ($period: String!, $district: String) {
  indicators(period: $period, district: $district) {
    arbitrationCases { ${FIGURES} }
    lawsuitsFiled { ${FIGURES} }
    openArrearsAmount { amount cases suppressed roundedTo }
  }
}`;
type Figure = {
  value: number | null;
  cases: number | null;
  suppressed: boolean;
  byDistrict: Array<{ district: string; value: number | null; cases: number | null; suppressed: boolean }>;
};

beforeAll(async () => {
  consoleStack = await startConsoleStack();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await consoleStack?.stop();
});

/** The text of each cell of a table row, header cell first. */
async function rowTexts(page: Pick<Page, 'locator'>, selector: string): Promise<string[]> {
  return page.locator(`${selector} > :is(th, td)`).allInnerTexts();
}

describe('the console: indicators', () => {
  let page: Page;
  /** A quarter of the demo year in which some districts' arbitration cases are withheld from an analyst and others published. */
  let period: string;
  let zone: { arbitrationCases: Figure; openArrearsAmount: { amount: string | null; suppressed: boolean; roundedTo: number | null } };

  beforeAll(async () => {
    for (const quarter of [1, 2, 3, 4]) {
      const { body } = await consoleStack.stack.query(API_INDICATORS, { period: `${YEAR}-Q${quarter}` }, ANALYST);
      const cells = (body.data.indicators.arbitrationCases as Figure).byDistrict;
      if (cells.some((c) => c.suppressed) && cells.some((c) => !c.suppressed)) {
        period = `${YEAR}-Q${quarter}`;
        zone = body.data.indicators;
        break;
      }
    }
    expect(period).toMatch(/^\d{4}-Q[1-4]$/);
    page = await consoleStack.newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ANALYST], name: '李分析' });
  });

  it('shows an analyst the figures of a period, withheld cells as withheld, by district and in a chart', async () => {
    // Analysts see no access log in the menu: it is for administrators and auditors.
    expect(await page.getByRole('link', { name: '访问日志', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: '指标', exact: true }).click();
    await page.getByRole('heading', { name: '统计指标', exact: true }).waitFor();
    await page.getByLabel('统计期类型', { exact: true }).selectOption('quarter');
    await page.getByLabel('统计期', { exact: true }).selectOption(period);
    await page.getByText(`${period} · 全区 的统计指标`, { exact: true }).waitFor();

    const arbitration = zone.arbitrationCases;
    expect(await rowTexts(page, 'tr[data-figure="arbitrationCases"]')).toEqual([
      '仲裁立案数',
      '人社局',
      arbitration.value!.toLocaleString('zh-CN'),
      String(arbitration.cases),
    ]);
    // The demo zone's few open warnings at the period's end: their amount is withheld from an analyst, not 0.
    expect(zone.openArrearsAmount).toMatchObject({ amount: null, suppressed: true, roundedTo: 10000 });
    expect(await rowTexts(page, 'tr[data-figure="openArrearsAmount"]')).toEqual([
      '期末未结欠薪金额（元）',
      '人社局',
      `${SUPPRESSED} （取整至 10000 元）`,
      SUPPRESSED,
    ]);

    // By district: every withheld cell of the arbitration cases is marked, every other one has its value.
    const byDistrict = 'table:has(caption:text("各区/街镇"))';
    const column = (await page.locator(`${byDistrict} thead th`).allInnerTexts()).indexOf('仲裁立案数');
    for (const cell of arbitration.byDistrict) {
      const texts = await rowTexts(page, `${byDistrict} tr[data-district="${cell.district}"]`);
      expect([cell.district, texts[column]]).toEqual([cell.district, cell.suppressed ? SUPPRESSED : cell.value!.toLocaleString('zh-CN')]);
    }

    // The chart (recharts, an svg): one bar per published district; the withheld ones named beside it, not drawn as 0.
    const chart = page.locator('figure[data-chart="arbitrationCases"]');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    const published = arbitration.byDistrict.filter((c) => !c.suppressed);
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(published.length);
    expect(await chart.locator('.recharts-label-list text').allTextContents()).toEqual(published.map((c) => String(c.value)));
    const withheld = arbitration.byDistrict.filter((c) => c.suppressed).map((c) => c.district);
    await chart.getByText(`已抑制（样本过小），不在图中：${withheld.join('、')}`, { exact: true }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'indicators.png'), fullPage: true });
  });

  it('exports what is shown as a UTF-8 CSV with a byte-order mark, withheld cells written as the word', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`indicators-${period}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('统计期,区/街镇,指标,提供部门,数值,样本数,说明');
    expect(lines).toContain(`${period},全区,期末未结欠薪金额（元）,人社局,${SUPPRESSED},${SUPPRESSED},取整至 10000 元`);
    const arbitration = zone.arbitrationCases;
    expect(lines).toContain(`${period},全区,仲裁立案数,人社局,${arbitration.value},${arbitration.cases},`);
    const arbitrationLines = lines.filter((line) => line.includes(',仲裁立案数,'));
    expect(arbitrationLines).toEqual([
      `${period},全区,仲裁立案数,人社局,${arbitration.value},${arbitration.cases},`,
      ...arbitration.byDistrict.map(
        (cell) =>
          `${period},${cell.district},仲裁立案数,人社局,${cell.suppressed ? `${SUPPRESSED},${SUPPRESSED}` : `${cell.value},${cell.cases}`},`,
      ),
    ]);
  });

  it('gives one district its figures, the whole-zone-only ones said to be so, and a chart', async () => {
    const district = zone.arbitrationCases.byDistrict.find((c) => !c.suppressed)!.district;
    await page.getByLabel('区/街镇', { exact: true }).selectOption(district);
    await page.getByText(`${period} · ${district} 的统计指标`, { exact: true }).waitFor();
    const { body } = await consoleStack.stack.query(API_INDICATORS, { period, district }, ANALYST);
    const arbitration = body.data.indicators.arbitrationCases as Figure;
    expect(await rowTexts(page, 'tr[data-figure="arbitrationCases"]')).toEqual([
      '仲裁立案数',
      '人社局',
      arbitration.value!.toLocaleString('zh-CN'),
      String(arbitration.cases),
    ]);
    expect(body.data.indicators.lawsuitsFiled).toBeNull();
    expect(await rowTexts(page, 'tr[data-figure="lawsuitsFiled"]')).toEqual(['劳动争议收案数', '法院', '仅统计全区（不分区/街镇）', '']);
    await page.locator('figure[data-chart="district"] .recharts-bar-rectangle').first().waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Indicators', exact: true }).waitFor();
    expect(await rowTexts(page, 'tr[data-figure="lawsuitsFiled"]')).toEqual([
      'Labour lawsuits filed',
      "People's Court",
      'Whole zone only (not kept by district)',
      '',
    ]);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { name: '统计指标', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows another department's analyst the labour bureau's arrears amount as not shared, in the table and the CSV", async () => {
    const union = await consoleStack.newPage();
    await signInAs(union, { department: Department.UNION, roles: [Role.ANALYST], name: '周分析' });
    await union.getByRole('link', { name: '指标', exact: true }).click();
    await union.getByLabel('统计期类型', { exact: true }).selectOption('quarter');
    await union.getByLabel('统计期', { exact: true }).selectOption(period);
    await union.getByText(`${period} · 全区 的统计指标`, { exact: true }).waitFor();
    expect(await rowTexts(union, 'tr[data-figure="openArrearsAmount"]')).toEqual([
      '期末未结欠薪金额（元）',
      '人社局',
      '未向您共享（需共享渠道）',
      '',
    ]);
    const [download] = await Promise.all([
      union.waitForEvent('download'),
      union.getByRole('button', { name: '导出 CSV', exact: true }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')).toContain(`${period},全区,期末未结欠薪金额（元）,人社局,未向您共享（需共享渠道）,,`);
  });
});

describe('the console: the access log', () => {
  const PURPOSE = '法律援助经济困难审查';
  const READS = 21;

  beforeAll(async () => {
    // Another department (the justice bureau's caseworker) reads court records' judgment summaries with no
    // channel: each read is refused and logged DENIED in the court's log, with its declared purpose.
    for (let i = 0; i < READS; i++) {
      const probe = await consoleStack.stack.query(
        `query LegalAidReview($c: String!) { enterprise(creditCode: $c) { lawsuits { caseNo judgmentSummary } } }`,
        { c: STORY_ENTERPRISES.constructionArrears },
        { ...asPrincipal(Department.JUSTICE, Role.CASEWORKER), 'x-purpose': encodeURIComponent(PURPOSE) },
      );
      expect(probe.body.data.enterprise.lawsuits.length).toBeGreaterThan(0);
      expect(probe.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it("shows the court's administrator the court's own log, filtered, a page at a time", async () => {
    const page = await consoleStack.newPage();
    await signInAs(page, { department: Department.COURT, roles: [Role.ADMIN], name: '赵管理' });
    await page.getByRole('link', { name: '访问日志', exact: true }).click();
    await page.getByRole('heading', { name: '法院访问日志', exact: true }).waitFor();

    await page.getByLabel('访问部门', { exact: true }).selectOption(Department.JUSTICE);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const { body } = await consoleStack.stack.query(
      `{ courtAccessLog(first: 100, department: JUSTICE) { totalCount nodes { id at subject fields outcome purpose } } }`,
      {},
      asPrincipal(Department.COURT, Role.ADMIN),
    );
    const log = body.data.courtAccessLog as {
      totalCount: number;
      nodes: Array<{ id: string; at: string; subject: string; fields: string[]; outcome: string; purpose: string }>;
    };
    expect(log.totalCount).toBe(READS);
    await page.getByText(`法院访问日志：已显示 20 条，共 ${READS} 条`, { exact: true }).waitFor();
    const newest = log.nodes[0]!;
    const cells = await rowTexts(page, `tr[data-entry="${newest.id}"]`);
    expect(cells.slice(1)).toEqual([
      `测试 JUSTICE caseworker\n经办人 · ${newest.subject}`,
      '司法局',
      PURPOSE,
      'Lawsuit.judgmentSummary',
      '已拒绝',
      '无',
    ]);
    expect(newest).toMatchObject({ fields: ['Lawsuit.judgmentSummary'], outcome: 'DENIED', purpose: PURPOSE });
    expect(await page.locator(`tr[data-entry="${newest.id}"] .badge-danger`).innerText()).toBe('已拒绝');

    // The 21st entry is on the next page.
    await page.getByRole('button', { name: '加载更多', exact: true }).click();
    await page.getByText(`法院访问日志：已显示 ${READS} 条，共 ${READS} 条`, { exact: true }).waitFor();
    expect(await page.locator('tr[data-entry]').count()).toBe(READS);
    expect(await page.getByRole('button', { name: '加载更多', exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'access-log.png'), fullPage: true });

    // No granted read by the justice bureau: the filter says so rather than showing an empty table.
    await page.getByLabel('访问结果', { exact: true }).selectOption('GRANTED');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText('没有符合条件的访问记录', { exact: true }).waitFor();

    // Since a time (China time) after every read: none; since the newest read's minute: that minute's reads.
    await page.getByLabel('访问结果', { exact: true }).selectOption('');
    await page.getByLabel('起始时间（北京时间）', { exact: true }).fill('2099-01-01T00:00');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText('没有符合条件的访问记录', { exact: true }).waitFor();
    const minute = new Date(Date.parse(newest.at) + 8 * 3600_000).toISOString().slice(0, 16);
    const sinceMinute = await consoleStack.stack.query(
      `query ($since: DateTimeISO) { courtAccessLog(first: 100, department: JUSTICE, since: $since) { totalCount } }`,
      { since: new Date(`${minute}:00+08:00`).toISOString() },
      asPrincipal(Department.COURT, Role.ADMIN),
    );
    const inMinute = sinceMinute.body.data.courtAccessLog.totalCount as number;
    expect(inMinute).toBeGreaterThan(0);
    await page.getByLabel('起始时间（北京时间）', { exact: true }).fill(minute);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText(`法院访问日志：已显示 ${Math.min(inMinute, 20)} 条，共 ${inMinute} 条`, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: "People's Court access log", exact: true }).waitFor();
    await page.getByRole('button', { name: 'Clear filter', exact: true }).click();
    await page.getByText(`People's Court access log: 20 of ${READS} entries shown`, { exact: true }).waitFor();
    await page.getByLabel('Outcome', { exact: true }).selectOption('GRANTED');
    await page.getByLabel('Reading department', { exact: true }).selectOption('JUSTICE');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByText('No entries match', { exact: true }).waitFor();
    expect(consoleStack.outsideRequests).toEqual([]);
  });

  it("finds, for the labour bureau's administrator, who read one worker, by ID number", async () => {
    const hrCaseworker = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
    const staff = await consoleStack.stack.query(
      `query ($c: String!) { enterprise(creditCode: $c) { workers { idNumber } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      hrCaseworker,
    );
    const idNumber = staff.body.data.enterprise.workers[0].idNumber as string;
    const purpose = '双月沟通会 欠薪通报';
    const read = await consoleStack.stack.query(
      `query JointMeetingFile($c: String!) { enterprise(creditCode: $c) { workers { name idNumber } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      { ...asPrincipal(Department.UNION, Role.COORDINATOR), 'x-purpose': encodeURIComponent(purpose) },
    );
    expect(read.body.errors).toBeUndefined();
    const { body } = await consoleStack.stack.query(
      `query ($id: String!) { workerAccessLog(idNumber: $id, first: 100) { totalCount nodes { id department purpose fields outcome } } }`,
      { id: idNumber },
      asPrincipal(Department.HR_BUREAU, Role.ADMIN),
    );
    const log = body.data.workerAccessLog as {
      totalCount: number;
      nodes: Array<{ id: string; department: string; purpose: string | null; fields: string[]; outcome: string }>;
    };
    const unionRead = log.nodes.find((n) => n.department === 'UNION' && n.purpose === purpose);
    expect(unionRead).toBeDefined();

    const page = await consoleStack.newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '钱管理' });
    await page.getByRole('link', { name: '访问日志', exact: true }).click();
    await page.getByRole('heading', { name: '谁查看了这名劳动者', exact: true }).waitFor();
    await page.getByLabel('身份证号', { exact: true }).fill('11010519491231002');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByText('身份证号应为 18 位（前 17 位为数字，最后一位为数字或 X）', { exact: true }).waitFor();

    await page.getByLabel('身份证号', { exact: true }).fill(idNumber);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const shown = Math.min(log.totalCount, 20);
    const worker = page.locator('section[aria-labelledby="worker-log-title"]');
    await worker
      .getByText(`读取身份证号 ${idNumber} 所对应劳动者的记录：已显示 ${shown} 条，共 ${log.totalCount} 条`, { exact: true })
      .waitFor();
    const cells = await rowTexts(worker, `tr[data-entry="${unionRead!.id}"]`);
    expect(cells.slice(2)).toEqual([
      '总工会',
      purpose,
      unionRead!.fields.join('\n'),
      { GRANTED: '已授权', MASKED: '已脱敏', DENIED: '已拒绝' }[unionRead!.outcome],
      expect.any(String),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'access-log-worker.png'), fullPage: true });
  });
});
