import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs } from '../support/browser';
import { useConsoleStack } from './console-stack';

/** The construction firm of the wage-arrears story: item 3 of the planned meeting's agenda. */
const CONSTRUCTION = '91110115102884310L';
const PLANNED = DEMO_MEETING_IDS.planned;
const FOUR = ['人社局', '总工会', '法院', '司法局'];

const consoleStack = useConsoleStack({ faults: true });

/** The planned meeting's version as the union's coordinator reads it now. */
async function meetingVersion(): Promise<number> {
  const answer = await consoleStack().stack.query<{ jointMeeting: { version: number } }>(
    `query { jointMeeting(id: "${PLANNED}") { version } }`,
  );
  return answer.body.data!.jointMeeting.version;
}

function constructionCard(page: Page) {
  return page.locator(`article[data-subject="${CONSTRUCTION}"]`);
}

async function openPlanned(page: Page) {
  await page.locator(`tr[data-meeting="${PLANNED}"] a`).click();
  await page.getByRole('heading', { name: '会议议题', exact: true }).waitFor();
  await constructionCard(page).waitFor();
}

describe('the joint meeting screens', () => {
  let coordinator: Page;

  it('lists the meetings and lets a coordinator schedule one, naming the wrong field', async () => {
    coordinator = await consoleStack().newPage();
    await signInAs(coordinator, { department: Department.UNION, roles: [Role.COORDINATOR], name: '刘协调' });
    await coordinator.getByRole('heading', { name: '双月沟通会', exact: true }).waitFor();
    const planned = coordinator.locator(`tr[data-meeting="${PLANNED}"]`);
    await planned.waitFor();
    expect(await planned.locator('td').nth(2).textContent()).toBe('北京经济技术开发区职工服务中心三楼会议室');
    expect(await planned.locator('td').nth(3).textContent()).toBe('计划中');
    expect(await planned.locator('td').nth(6).textContent()).toBe('4');
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.screenshot({ path: join(SCREENSHOT_DIR, 'meetings.png'), fullPage: true });

    await coordinator.getByRole('button', { name: '安排会议', exact: true }).click();
    await coordinator.getByRole('heading', { name: '安排会议', exact: true }).waitFor();
    // No time: named before anything is sent.
    await coordinator.getByRole('button', { name: '安排', exact: true }).click();
    expect(await coordinator.getByRole('alert').textContent()).toBe('“会议时间”有误：必填');
    // A time, but no place and one department only: the gateway refuses and the screen names the field.
    await coordinator.getByLabel('会议时间', { exact: true }).fill('2027-01-20T09:30');
    await coordinator.getByRole('group', { name: '第 1 位' }).getByLabel('姓名').fill('刘建华');
    await coordinator.getByRole('group', { name: '第 1 位' }).getByLabel('职务').fill('主持人');
    await coordinator.getByRole('button', { name: '安排', exact: true }).click();
    const refused = coordinator.locator('[role="alert"][data-error="BAD_USER_INPUT"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^“(会议地点|参会单位)”有误：/);
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.getByRole('button', { name: '取消', exact: true }).click();
  });

  it('shows the planned meeting with the four departments on the construction firm, gaps and deadlines', async () => {
    await openPlanned(coordinator);
    expect(await coordinator.locator('h1').textContent()).toMatch(/^双月沟通会 · /);
    expect(await coordinator.locator('[data-status]').textContent()).toBe('计划中');
    const card = constructionCard(coordinator);
    expect(await card.locator('h3').textContent()).toMatch(/^议题 3：北京京开建工集团有限公司 91110115102884310L$/);
    expect(await card.locator('h4').allTextContents()).toEqual(FOUR);
    // Each department has records of the firm: the bureau's red warning, the union's mediation, the court's lawsuits, legal aid.
    const section = (name: string) => card.locator(`section[data-department="${name}"]`);
    expect(await section('HR_BUREAU').locator('[data-field="wageArrearsAlerts"] .record-status').first().textContent()).toContain(
      '红色预警',
    );
    for (const [dept, field] of [
      ['HR_BUREAU', 'arbitrationCases'],
      ['UNION', 'mediationCases'],
      ['COURT', 'lawsuits'],
      ['JUSTICE', 'legalAidCases'],
    ] as const) {
      expect(await section(dept).locator(`[data-field="${field}"] li`).count()).toBeGreaterThan(0);
    }
    // The union's coordinator has no channel to the court's shared amounts? Whatever it has, no field is blank.
    expect(await card.locator('dd:empty').count()).toBe(0);
    // A decision of the last meeting is overdue elsewhere; here the deadlines carry their state.
    expect(await card.locator('.deadline').count()).toBeGreaterThan(0);
    // The bureau decides whether a rectification is overdue; the card shows its answer.
    const inspections = await consoleStack().stack.query<{ enterprise: { inspections: Array<{ overdue: boolean }> } }>(
      '{ enterprise(creditCode: "91110115102884310L") { inspections { overdue } } }',
    );
    const overdueInspections = inspections.body.data!.enterprise.inspections.filter((i) => i.overdue).length;
    expect(overdueInspections).toBeGreaterThan(0);
    expect(await section('HR_BUREAU').locator('[data-field="inspections"] [data-overdue="true"]').count()).toBe(overdueInspections);
    // The render budget marks are there for the benchmark.
    await coordinator.waitForFunction('performance.getEntriesByName("meeting:render", "measure").length > 0');
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.screenshot({ path: join(SCREENSHOT_DIR, 'meeting.png'), fullPage: true });
  });

  it('refuses a change made on a stale version with "会议已被他人修改" and a reload, then starts the meeting', async () => {
    // Someone else adds an item while the coordinator looks at the meeting.
    const changed = await consoleStack().stack.query(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { version } }`, {
      input: { meetingId: PLANNED, version: await meetingVersion(), topic: '春节前农民工工资支付专项行动', reason: '节前欠薪风险集中。' },
    });
    expect(changed.body.errors).toBeUndefined();
    await coordinator.getByRole('button', { name: '开始会议', exact: true }).click();
    const conflict = coordinator.locator('[role="alert"][data-error="CONFLICT"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toBe('会议已被他人修改，请重新加载后再操作。重新加载');
    expect(await coordinator.locator('[data-status]').textContent()).toBe('计划中');

    await conflict.getByRole('button', { name: '重新加载', exact: true }).click();
    await coordinator.getByRole('heading', { name: '议题 5：春节前农民工工资支付专项行动', exact: true }).waitFor();
    expect(await conflict.count()).toBe(0);
    await coordinator.getByRole('button', { name: '开始会议', exact: true }).click();
    await coordinator.locator('[data-status="IN_SESSION"]').waitFor();
    expect(await coordinator.locator('[data-status]').textContent()).toBe('进行中');
  });

  it('records a decision once, however often the button is clicked, and lists it', async () => {
    const form = coordinator.locator('form', { has: coordinator.getByRole('heading', { name: '记录议定事项', exact: true }) });
    await form.waitFor();
    await form.getByLabel('牵头单位', { exact: true }).selectOption('COURT');
    await form.getByRole('group', { name: '参会单位' }).getByLabel('人社局', { exact: true }).check();
    const due = form.getByLabel('完成时限', { exact: true });
    await due.fill((await due.getAttribute('min'))!);
    const summary = '对北京京开建工集团有限公司欠薪案件集中执行，人社局提供财产线索。';
    await form.getByLabel('议定内容', { exact: true }).fill(summary);
    await form.getByRole('button', { name: '记录', exact: true }).dblclick();
    const row = coordinator.locator('tr[data-decision]', { hasText: summary });
    await row.waitFor();
    await form.getByRole('button', { name: '记录', exact: true }).and(coordinator.locator(':enabled')).waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual([
      summary,
      '法院',
      '人社局',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d+ 天后到期$/),
      '待落实',
      '无',
    ]);
    const stored = await consoleStack().stack.query<{ jointMeeting: { decisions: Array<{ summary: string }> } }>(
      `query { jointMeeting(id: "${PLANNED}") { decisions { summary } } }`,
    );
    expect(stored.body.data!.jointMeeting.decisions.filter((d) => d.summary === summary)).toHaveLength(1);
  });

  it('adds an item found by name, removes it, follows a decision up and closes the meeting with minutes', async () => {
    const form = coordinator.locator('form', { has: coordinator.getByRole('heading', { name: '增加议题', exact: true }) });
    await form.getByLabel('企业名称或统一社会信用代码', { exact: true }).fill('京芯半导体');
    await form.getByRole('button', { name: '查找', exact: true }).click();
    await form.getByRole('button', { name: '选择 北京京芯半导体科技有限公司', exact: true }).click();
    expect(await form.locator('[data-chosen]').textContent()).toBe('已选择：北京京芯半导体科技有限公司 91110302MA00F7LK33');
    await form.getByLabel('提请理由', { exact: true }).fill('专场招聘的落实情况。');
    await form.getByRole('button', { name: '增加议题', exact: true }).click();
    const added = coordinator.getByRole('heading', { name: '议题 6：北京京芯半导体科技有限公司 91110302MA00F7LK33', exact: true });
    await added.waitFor();
    expect(await coordinator.locator('article[data-subject="91110302MA00F7LK33"]').count()).toBe(2);

    coordinator.once('dialog', (dialog) => void dialog.accept());
    await coordinator.getByRole('button', { name: '撤销议题 6', exact: true }).click();
    await added.waitFor({ state: 'detached' });
    expect(await coordinator.locator('article[data-agenda-item]').count()).toBe(5);

    const followUp = coordinator.locator('form', { has: coordinator.getByRole('heading', { name: '记录事后回访', exact: true }) });
    await followUp.getByLabel('回访结果', { exact: true }).fill('已落实');
    await followUp.getByLabel('回访情况', { exact: true }).fill('执行款已发放到58名职工。');
    await followUp.getByLabel('落实状态', { exact: true }).selectOption('DONE');
    await followUp.getByRole('button', { name: '记录回访', exact: true }).click();
    const decision = coordinator.locator('tr[data-decision]').first();
    await decision.locator('td').nth(4).filter({ hasText: '已落实' }).waitFor();
    expect(await decision.locator('td').nth(5).textContent()).toMatch(/^\d{4}-\d{2}-\d{2} 总工会: 已落实 — 执行款已发放到58名职工。$/);

    const close = coordinator.locator('form', { has: coordinator.getByRole('heading', { name: '结束会议', exact: true }) });
    await close.getByLabel('会议纪要', { exact: true }).fill('会议议定由法院牵头集中执行欠薪案件。');
    await close.getByRole('button', { name: '结束会议并保存纪要', exact: true }).click();
    await coordinator.locator('[data-status="CLOSED"]').waitFor();
    expect(await coordinator.locator('.minutes').textContent()).toBe('会议议定由法院牵头集中执行欠薪案件。');
    // Closed: nothing more is decided or put on the agenda; decisions are still followed up (事后回访).
    expect(await coordinator.getByRole('button', { name: /开始会议|^记录$|增加议题|撤销议题|结束会议/ }).count()).toBe(0);
    expect(await coordinator.getByRole('button', { name: '记录回访', exact: true }).count()).toBe(1);
    expect(await seriousViolations(coordinator)).toEqual([]);
  });

  it('switches to English', async () => {
    await coordinator.getByRole('button', { name: 'English', exact: true }).click();
    await coordinator.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    expect(await coordinator.locator('h2').allTextContents()).toEqual(['Participants', 'Agenda', 'Decisions', 'Minutes']);
    expect(await constructionCard(coordinator).locator('h4').allTextContents()).toEqual([
      'HR & Social Security Bureau',
      'Federation of Trade Unions',
      "People's Court",
      'Justice Bureau',
    ]);
    expect(await coordinator.locator('h1').textContent()).toMatch(/^Bimonthly joint meeting · /);
    await coordinator.getByRole('button', { name: '中文', exact: true }).click();
    await coordinator.getByRole('heading', { name: '会议议题', exact: true }).waitFor();
  });

  it('shows a court caseworker the same meeting with masked and unshared values marked, and no buttons', async () => {
    const caseworker = await consoleStack().newPage();
    await signInAs(caseworker, { department: Department.COURT, roles: [Role.CASEWORKER], name: '张书记员' });
    await openPlanned(caseworker);
    const card = constructionCard(caseworker);
    expect(await card.locator('h4').allTextContents()).toEqual(FOUR);
    // Participants' names are personal data of the union's record: masked, and marked as such.
    const masked = caseworker.locator('[data-gap="masked"]');
    expect(await masked.count()).toBeGreaterThan(0);
    expect(await masked.first().textContent()).toMatch(/^\S*\*\S* 已脱敏$/);
    // The bureau's arrears amounts are shared with the union, not with the court.
    const forbidden = card.locator('[data-field="wageArrearsAlerts"] [data-gap="forbidden"]');
    expect(await forbidden.count()).toBeGreaterThan(0);
    expect(await forbidden.first().textContent()).toBe('未向您共享（需共享渠道）');
    expect(await caseworker.getByRole('button', { name: /开始会议|记录|增加议题|撤销议题|结束会议/ }).count()).toBe(0);
    expect(await seriousViolations(caseworker)).toEqual([]);
    await caseworker.screenshot({ path: join(SCREENSHOT_DIR, 'meeting-court-caseworker.png'), fullPage: true });
  });

  it('says "法院暂不可用" where the court did not answer, keeping the other departments', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.UNION, roles: [Role.COORDINATOR], name: '刘协调' });
    consoleStack().stack.faults.get('court')!.set({ kind: 'down' });
    try {
      await openPlanned(page);
      const card = constructionCard(page);
      const court = card.locator('section[data-department="COURT"]');
      expect(await court.locator('[data-field="lawsuits"] [data-gap="unavailable"]').textContent()).toBe('法院暂不可用');
      expect(await page.locator('[data-gap="missing-departments"]').textContent()).toBe('暂不可用：法院');
      expect(await card.locator('section[data-department="JUSTICE"] [data-field="legalAidCases"] li').count()).toBeGreaterThan(0);
    } finally {
      consoleStack().stack.faults.get('court')!.set({ kind: 'pass' });
    }
    expect(consoleStack().outsideRequests).toEqual([]);
  });
});
