import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Department, Role } from '@labour/shared';
import { seriousViolations } from '../support/axe';
import { SCREENSHOT_DIR, signInAs } from '../support/browser';
import { useConsoleStack } from './console-stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

const consoleStack = useConsoleStack();

const DEPARTMENT_NAMES: Record<string, string> = { HR_BUREAU: '人社局', UNION: '总工会', COURT: '法院', JUSTICE: '司法局' };

interface Signal {
  source: string;
  kind: string;
  weight: number;
  detail: string;
}
interface Suggestion {
  enterprise: { creditCode: string; name: string };
  score: number;
  signals: Signal[];
}

async function data<T>(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<T> {
  const response = await consoleStack().stack.query<T>(query, variables, headers);
  expect(response.body.errors ?? []).toEqual([]);
  return response.body.data as T;
}

async function plannedAgenda(meetingId: string): Promise<{
  version: number;
  agenda: Array<{ enterpriseCreditCode: string | null; raisedBy: string; topic: string | null; reason: string | null }>;
}> {
  const answer = await data<{
    jointMeeting: {
      version: number;
      agenda: Array<{ enterpriseCreditCode: string | null; raisedBy: string; topic: string | null; reason: string | null }>;
    };
  }>('query($id: ID!) { jointMeeting(id: $id) { version agenda(first: 500) { enterpriseCreditCode raisedBy topic reason } } }', {
    id: meetingId,
  });
  return answer.jointMeeting;
}

/** The browser's calendar on the stack's day (the services run on TEST_AS_OF), so that the T+2 countdown counts from it. */
async function onTestDay(page: Page): Promise<void> {
  await page.clock.setSystemTime(new Date(`${TEST_AS_OF}T10:00:00+08:00`));
}

async function openFromMenu(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor();
}

describe('the console: suggested agenda', () => {
  it('shows a union coordinator the ranking with every signal and its department, adds the top suggestion in one click, and names a conflict', async () => {
    const expected = await data<{
      suggestedAgenda: { missingSources: string[]; items: Suggestion[] };
      jointMeetings: Array<{ id: string; participatingDepartments: string[] }>;
    }>(
      `{ suggestedAgenda(limit: 20) { missingSources items { enterprise { creditCode name } score signals { source kind weight detail } } }
         jointMeetings(status: PLANNED) { id participatingDepartments } }`,
    );
    expect(expected.suggestedAgenda.missingSources).toEqual([]);
    const meetings = expected.jointMeetings.filter((m) => m.participatingDepartments.includes('UNION'));
    expect(meetings).toHaveLength(1);
    const meetingId = meetings[0]!.id;
    const before = await plannedAgenda(meetingId);
    const onAgenda = new Set(before.agenda.map((item) => item.enterpriseCreditCode));
    // The demo meeting's agenda already holds the seeds' stories, some of them ranked here: those rows say so
    // instead of offering the button; the top suggestion not yet on it is the one to add.
    const items = expected.suggestedAgenda.items;
    const already = items.filter((item) => onAgenda.has(item.enterprise.creditCode));
    expect(already.length).toBeGreaterThan(0);
    const [top, second] = items.filter((item) => !onAgenda.has(item.enterprise.creditCode));
    const topIndex = items.indexOf(top!);
    const secondIndex = items.indexOf(second!);

    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    await openFromMenu(page, '建议议题', '建议议题');
    const rows = page.locator('table.agenda-suggestions tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.suggestedAgenda.items.length);
    expect(await page.locator('table.agenda-suggestions thead th').allInnerTexts()).toEqual([
      '排名',
      '企业',
      '风险分值',
      '预警信号（来源部门 · 类型 · 权重 · 说明）',
      '操作',
    ]);

    // Every suggestion in order, each with its score and every signal's department, weight and detail.
    for (const [index, item] of expected.suggestedAgenda.items.entries()) {
      const row = rows.nth(index);
      expect(await row.getAttribute('data-credit-code')).toBe(item.enterprise.creditCode);
      expect(await row.locator('th[scope="row"]').innerText()).toContain(item.enterprise.name);
      expect(await row.locator('td.score').innerText()).toBe(String(item.score));
      const signals = row.locator('ul.signals li');
      expect(await signals.count()).toBe(item.signals.length);
      for (const [i, signal] of item.signals.entries()) {
        const text = await signals.nth(i).innerText();
        expect(text.startsWith(DEPARTMENT_NAMES[signal.source]!)).toBe(true);
        expect(text).toContain(`权重 ${signal.weight}`);
        expect(text).toContain(signal.detail);
        expect(await signals.nth(i).getAttribute('data-kind')).toBe(signal.kind);
      }
    }
    // The ranking draws on more than one department.
    const sources = new Set(expected.suggestedAgenda.items.flatMap((item) => item.signals.map((s) => s.source)));
    expect(sources.size).toBeGreaterThan(1);
    await page.getByLabel('加入到会议', { exact: true }).waitFor();
    await page
      .getByText('已在议程中', { exact: true })
      .nth(already.length - 1)
      .waitFor();
    for (const [index, item] of items.entries()) {
      const marked = await rows.nth(index).getByText('已在议程中', { exact: true }).count();
      const buttons = await rows.nth(index).getByRole('button', { name: '加入议程', exact: true }).count();
      expect([marked, buttons]).toEqual(onAgenda.has(item.enterprise.creditCode) ? [1, 0] : [0, 1]);
    }
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'agenda.png'), fullPage: false });

    // One click adds the top suggestion to the planned meeting, raised by the union, with its signals as the reason.
    await rows.nth(topIndex).getByRole('button', { name: '加入议程', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已将“${top!.enterprise.name}”加入` })
      .waitFor();
    await rows.nth(topIndex).getByText('已在议程中', { exact: true }).waitFor();
    const afterAdd = await plannedAgenda(meetingId);
    expect(afterAdd.agenda).toHaveLength(before.agenda.length + 1);
    const item = afterAdd.agenda[afterAdd.agenda.length - 1]!;
    expect(item.enterpriseCreditCode).toBe(top!.enterprise.creditCode);
    expect(item.raisedBy).toBe('UNION');
    expect(item.reason).toContain(`风险分值 ${top!.score}`);
    expect(afterAdd.agenda.filter((i) => i.enterpriseCreditCode === top!.enterprise.creditCode)).toHaveLength(1);

    // Someone else changes the meeting behind the page's back: the add is refused as a conflict, nothing is written, and a reload lets it through.
    const changed = await consoleStack().stack.query('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { version } }', {
      input: { meetingId, version: afterAdd.version, topic: '其他单位同时增加的议题', reason: '并发修改' },
    });
    expect(changed.body.errors ?? []).toEqual([]);
    await rows.nth(secondIndex).getByRole('button', { name: '加入议程', exact: true }).click();
    const conflict = page.getByRole('alert');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('该会议刚被他人修改（版本已变化），本次未加入。请重新加载会议后再试。');
    expect((await plannedAgenda(meetingId)).agenda).toHaveLength(before.agenda.length + 2);
    await conflict.getByRole('button', { name: '重新加载会议', exact: true }).click();
    await conflict.waitFor({ state: 'detached' });
    await rows.nth(secondIndex).getByRole('button', { name: '加入议程', exact: true }).click();
    await rows.nth(secondIndex).getByText('已在议程中', { exact: true }).waitFor();
    const last = (await plannedAgenda(meetingId)).agenda;
    expect(last).toHaveLength(before.agenda.length + 3);
    expect(last[last.length - 1]!.enterpriseCreditCode).toBe(second!.enterprise.creditCode);

    // English on request.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Suggested agenda', exact: true }).waitFor();
    expect(await page.locator('table.agenda-suggestions thead th').first().innerText()).toBe('Rank');
    expect(await rows.nth(topIndex).getByText('On the agenda', { exact: true }).count()).toBe(1);
    const third = items.findIndex((item, index) => index > secondIndex && !onAgenda.has(item.enterprise.creditCode));
    expect(await rows.nth(third).getByRole('button', { name: 'Add to agenda', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.getByRole('heading', { name: '建议议题', exact: true }).waitFor();
    expect(consoleStack().outsideRequests).toEqual([]);
  });

  it('tells a caseworker the suggestions are not for them', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.UNION, roles: [Role.CASEWORKER], name: '孙经办' });
    expect(await page.getByRole('navigation').getByRole('link', { name: '建议议题', exact: true }).count()).toBe(0);
    await page.goto('/agenda');
    await page.getByRole('heading', { name: '建议议题', exact: true }).waitFor();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('建议议题仅供联络员和管理员查看（FORBIDDEN）。');
  });

  it('shows the suggestions to an administrator without the add button', async () => {
    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.HR_BUREAU, roles: [Role.ADMIN], name: '钱管理' });
    await openFromMenu(page, '建议议题', '建议议题');
    await page.locator('table.agenda-suggestions tbody tr').first().waitFor();
    await page.getByText('只有联络员可以把建议加入议程。', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '加入议程' }).count()).toBe(0);
    expect(await page.locator('table.agenda-suggestions thead th').allInnerTexts()).toEqual([
      '排名',
      '企业',
      '风险分值',
      '预警信号（来源部门 · 类型 · 权重 · 说明）',
    ]);
  });
});

describe('the console: notices', () => {
  const SUMMARY = '浏览器测试：京开建工集团二期项目新增欠薪线索，涉及约30名职工，请工会核实并组织调解。';
  const ANSWER = '已联系项目工会核实，组织职工申请调解，周五前反馈结果。';
  const HR = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
  const UNION = asPrincipal(Department.UNION, Role.CASEWORKER);

  async function sentByHr(): Promise<
    Array<{ id: string; summary: string; status: string; dueOn: string; overdue: boolean; answer: string | null }>
  > {
    const answer = await data<{
      notices: Array<{ id: string; summary: string; status: string; dueOn: string; overdue: boolean; answer: string | null }>;
    }>('{ notices(sender: HR_BUREAU, first: 1000) { id summary status dueOn overdue answer } }', {}, HR);
    return answer.notices;
  }

  it('sends one notice on a double click, the union acknowledges and answers it, and the labour bureau reads the answer', async () => {
    const hrPage = await consoleStack().newPage();
    await onTestDay(hrPage);
    await signInAs(hrPage, { department: Department.HR_BUREAU, roles: [Role.CASEWORKER], name: '李经办' });
    const sendRequests: string[] = [];
    hrPage.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('mutation SendNotice'))
        sendRequests.push(request.postData()!);
    });
    await openFromMenu(hrPage, '通报', '通报');
    await hrPage.getByRole('link', { name: '发送通报', exact: true }).click();
    await hrPage.getByRole('heading', { name: '发送通报', exact: true }).waitFor();

    // A bad credit code is refused, naming the field; nothing is sent.
    await hrPage.getByLabel('共享渠道（本单位提供、已生效）').selectOption('HR-UNION-ARREARS');
    await hrPage.getByLabel('接收单位（渠道使用方）').selectOption('UNION');
    await hrPage.getByLabel('类别', { exact: true }).selectOption('WAGE_ARREARS');
    await hrPage.getByRole('radio', { name: '马上报', exact: true }).check();
    await hrPage.getByLabel('通报对象类型').selectOption('enterprise');
    await hrPage.getByLabel('企业统一社会信用代码').fill('91110115102884310X');
    await hrPage.getByLabel('通报内容', { exact: true }).fill(SUMMARY);
    expect(await seriousViolations(hrPage)).toEqual([]);
    await hrPage.getByRole('button', { name: '发送', exact: true }).click();
    const refused = hrPage.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^输入有误（企业统一社会信用代码）：/);
    expect((await sentByHr()).filter((n) => n.summary === SUMMARY)).toEqual([]);

    // A double click sends one notice.
    await hrPage.getByLabel('企业统一社会信用代码').fill('91110115102884310L');
    await hrPage.getByRole('button', { name: '发送', exact: true }).dblclick();
    await hrPage.getByRole('heading', { name: '通报详情', exact: true }).waitFor();
    await hrPage.getByRole('status').filter({ hasText: '通报已发送，期限' }).waitFor();
    const sent = (await sentByHr()).filter((n) => n.summary === SUMMARY);
    expect(sent).toHaveLength(1);
    const notice = sent[0]!;
    // The second click sent nothing: the refused attempt and one send left the browser.
    expect(sendRequests).toHaveLength(2);
    expect(notice.status).toBe('SENT');
    expect(hrPage.url()).toBe(`${consoleStack().origin}/notices/${notice.id}`);
    expect(
      await hrPage
        .locator('dl.facts dd')
        .filter({ has: hrPage.locator('time') })
        .nth(1)
        .innerText(),
    ).toContain(notice.dueOn);

    // The union's caseworker finds it in the inbox with its T+2 clock; the overdue ones carry the badge.
    const unionPage = await consoleStack().newPage();
    await onTestDay(unionPage);
    await signInAs(unionPage, { department: Department.UNION, roles: [Role.CASEWORKER], name: '赵经办' });
    await openFromMenu(unionPage, '通报', '通报');
    const inboxTab = unionPage.getByRole('tab', { name: /^收到的通报/ });
    await inboxTab.waitFor();
    expect(await inboxTab.getAttribute('aria-selected')).toBe('true');
    const inbox = await data<{ notices: Array<{ id: string; overdue: boolean }> }>(
      '{ notices(recipient: UNION, first: 1000) { id overdue } }',
      {},
      UNION,
    );
    expect(await inboxTab.innerText()).toBe(`收到的通报（${inbox.notices.length}）`);
    const panel = unionPage.getByRole('tabpanel');
    expect(await panel.locator('tbody tr').count()).toBe(inbox.notices.length);
    expect(await panel.locator('[data-overdue="true"]').count()).toBe(inbox.notices.filter((n) => n.overdue).length);
    expect(inbox.notices.some((n) => n.overdue)).toBe(true);
    const row = panel.locator(`tr[data-notice="${notice.id}"]`);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('欠薪\n马上报');
    expect(cells[1]).toBe('人社局');
    expect(cells[2]).toContain('91110115102884310L');
    expect(cells[3]).toBe(`${SUMMARY.slice(0, 40)}…`);
    expect(cells[5]).toContain(notice.dueOn);
    expect(cells[5]).toMatch(/天后到期|今天到期/);
    expect(cells[6]).toBe('待签收');
    expect(await seriousViolations(unionPage)).toEqual([]);
    await unionPage.screenshot({ path: join(SCREENSHOT_DIR, 'notices.png') });

    // Acknowledge, then answer.
    await row.getByRole('link').click();
    await unionPage.getByRole('heading', { name: '通报详情', exact: true }).waitFor();
    await unionPage.getByRole('button', { name: '签收', exact: true }).click();
    await unionPage.getByRole('status').filter({ hasText: '已签收，请在期限内答复。' }).waitFor();
    await unionPage.getByText('已签收，待答复', { exact: true }).waitFor();
    expect(await seriousViolations(unionPage)).toEqual([]);
    await unionPage.getByLabel('答复内容（已办理或拟办理的情况）').fill(ANSWER);
    await unionPage.getByRole('button', { name: '提交答复', exact: true }).click();
    await unionPage.getByRole('status').filter({ hasText: '已答复。' }).waitFor();
    await unionPage.locator('dd[data-answer]').filter({ hasText: ANSWER }).waitFor();
    await unionPage.screenshot({ path: join(SCREENSHOT_DIR, 'notice-answered.png') });

    // The sender sees the answer, in its outbox and on the notice.
    const answered = (await sentByHr()).find((n) => n.id === notice.id)!;
    expect(answered.status).toBe('ANSWERED');
    expect(answered.answer).toBe(ANSWER);
    await hrPage.getByRole('link', { name: '返回通报列表', exact: true }).click();
    await hrPage.getByRole('tab', { name: /^发出的通报/ }).click();
    const outRow = hrPage.getByRole('tabpanel').locator(`tr[data-notice="${notice.id}"]`);
    await outRow.getByText(`答复：${ANSWER.slice(0, 40)}`).waitFor();
    expect(await outRow.locator('td').nth(1).innerText()).toBe('总工会');
    expect(await outRow.locator('td').nth(6).innerText()).toBe('已答复');
    expect(await seriousViolations(hrPage)).toEqual([]);
    await outRow.getByRole('link').click();
    expect(await hrPage.locator('dd[data-answer]').innerText()).toBe(ANSWER);
    expect(await hrPage.getByRole('button', { name: '签收' }).count()).toBe(0);

    // English on request.
    await hrPage.getByRole('button', { name: 'English', exact: true }).click();
    await hrPage.getByRole('heading', { name: 'Notice', exact: true }).waitFor();
    await hrPage.getByText('Answered', { exact: true }).waitFor();
    expect(consoleStack().outsideRequests).toEqual([]);
  });
});

// Last in this file: it stops the court for good.
describe('the console: the suggested agenda while a department is down', () => {
  it('names the court as unavailable and ranks on the other departments’ signals', async () => {
    await consoleStack().stack.subgraphs.get('court')!.stop();
    const expected = await data<{ suggestedAgenda: { missingSources: string[]; items: Suggestion[] } }>(
      '{ suggestedAgenda(limit: 20) { missingSources items { enterprise { creditCode name } score signals { source kind weight detail } } } }',
    );
    expect(expected.suggestedAgenda.missingSources).toEqual(['COURT']);

    const page = await consoleStack().newPage();
    await signInAs(page, { department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });
    await openFromMenu(page, '建议议题', '建议议题');
    const banner = page.locator('[data-gap="missing-sources"]');
    await banner.waitFor();
    expect(await banner.innerText()).toBe('法院暂不可用：其预警信号未计入分值');
    expect(await banner.getAttribute('role')).toBe('status');
    const rows = page.locator('table.agenda-suggestions tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.suggestedAgenda.items.length);
    expect(await page.locator('ul.signals li[data-source="COURT"]').count()).toBe(0);
    expect(await page.locator('ul.signals li').count()).toBe(
      expected.suggestedAgenda.items.reduce((n, item) => n + item.signals.length, 0),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'agenda-court-unavailable.png') });

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Suggested agenda', exact: true }).waitFor();
    expect(await banner.innerText()).toBe("People's Court unavailable: its signals are not in the scores");
  });
});
