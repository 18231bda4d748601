import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { fileEnterprise, badInput, firstError, uscc } from '../hr-bureau.fixtures';

/** Mass-layoff reports (经济性裁员报告): filing, the 30-day notice rule, changes at the version read. */
const REPORT_FIELDS =
  'reportNo plannedCount reason reportedOn effectiveOn placementPlan meetsNoticePeriod version enterprise { creditCode }';
const CREATE = `mutation ($input: CreateLayoffReportInput!) { createLayoffReport(input: $input) { ${REPORT_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateLayoffReportInput!) { updateLayoffReport(input: $input) { ${REPORT_FIELDS} } }`;
const REPORTS = `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { layoffReports { ${REPORT_FIELDS} } } }`;

function reportInput(reportNo: string, enterpriseCreditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    reportNo,
    enterpriseCreditCode,
    plannedCount: 60,
    reason: '订单下滑，生产线停产',
    reportedOn: '2026-08-01',
    effectiveOn: '2026-08-31',
    placementPlan: '优先推荐至园区内招聘企业',
    ...overrides,
  };
}

describe('layoff reports', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  const reportsOf = async (creditCode: string) => (await hr.query(REPORTS, { creditCode })).body.data.enterprise.layoffReports;

  it('files a report made exactly 30 days ahead as meeting the notice period, and keeps it', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, { input: reportInput('CY-T-30', code) });
    expect(body.errors).toBeUndefined();
    const expected = {
      reportNo: 'CY-T-30',
      plannedCount: 60,
      reason: '订单下滑，生产线停产',
      reportedOn: '2026-08-01',
      effectiveOn: '2026-08-31',
      placementPlan: '优先推荐至园区内招聘企业',
      meetsNoticePeriod: true,
      version: 1,
      enterprise: { creditCode: code },
    };
    expect(body.data.createLayoffReport).toEqual(expected);
    expect(await reportsOf(code)).toEqual([expected]);
  });

  it('flags a report made 29 days ahead, and one taking effect the day it is made, as missing the notice period', async () => {
    const code = await fileEnterprise(hr);
    const short = await hr.query(CREATE, { input: reportInput('CY-T-29', code, { reportedOn: '2026-08-01', effectiveOn: '2026-08-30' }) });
    expect(short.body.data.createLayoffReport).toMatchObject({ reportNo: 'CY-T-29', effectiveOn: '2026-08-30', meetsNoticePeriod: false });
    const sameDay = await hr.query(CREATE, { input: reportInput('CY-T-0', code, { reportedOn: '2026-08-01', effectiveOn: '2026-08-01' }) });
    expect(sameDay.body.data.createLayoffReport).toMatchObject({ reportNo: 'CY-T-0', meetsNoticePeriod: false });
    // Across February of a common year: 2026-02-01 to 2026-03-03 is 30 days.
    const february = await hr.query(CREATE, {
      input: reportInput('CY-T-FEB', code, { reportedOn: '2026-02-01', effectiveOn: '2026-03-03' }),
    });
    expect(february.body.data.createLayoffReport).toMatchObject({ reportNo: 'CY-T-FEB', meetsNoticePeriod: true });
  });

  it('refuses a layoff taking effect before the report, naming the field and the rule, and writes nothing', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, {
      input: reportInput('CY-T-BAD', code, { reportedOn: '2026-08-01', effectiveOn: '2026-07-31' }),
    });
    expect(body.data).toBeNull();
    expect(firstError(body)).toEqual(badInput('effectiveOn', 'must not be earlier than reportedOn (2026-08-01)'));
    expect(await reportsOf(code)).toEqual([]);
  });

  it('names every broken rule of a report at once: the planned count and the enterprise', async () => {
    const valid = uscc('91110115MA8888888');
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const { body } = await hr.query(CREATE, { input: reportInput('CY-T-BAD2', wrongCheck, { plannedCount: 0 }) });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [
        { field: 'enterpriseCreditCode', rule: 'is not a valid unified social credit code: has a wrong check character (GB 32100)' },
        { field: 'plannedCount', rule: 'must be at least 1' },
      ],
    });
  });

  it('refuses a report for an enterprise not in the file, and a report number already taken', async () => {
    const code = await fileEnterprise(hr);
    const notFiled = uscc('91110115MA9999999');
    const unknown = await hr.query(CREATE, { input: reportInput('CY-T-NOENT', notFiled) });
    expect(firstError(unknown.body)).toEqual(badInput('enterpriseCreditCode', `names no enterprise in the file (${notFiled})`));
    await hr.query(CREATE, { input: reportInput('CY-T-DUP', code) });
    const again = await hr.query(CREATE, { input: reportInput('CY-T-DUP', code, { plannedCount: 99 }) });
    expect(firstError(again.body)).toEqual({ code: 'CONFLICT', message: 'A layoff report with reportNo CY-T-DUP already exists' });
    expect((await reportsOf(code)).map((r: { plannedCount: number }) => r.plannedCount)).toEqual([60]);
  });

  it('changes a report at the version read and refuses a stale version with CONFLICT, keeping the first change', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: reportInput('CY-T-UPD', code) });
    const first = await hr.query(UPDATE, {
      input: { reportNo: 'CY-T-UPD', version: 1, plannedCount: 45, placementPlan: '转岗至集团其他工厂' },
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.updateLayoffReport).toMatchObject({
      plannedCount: 45,
      placementPlan: '转岗至集团其他工厂',
      version: 2,
      meetsNoticePeriod: true,
    });
    const stale = await hr.query(UPDATE, { input: { reportNo: 'CY-T-UPD', version: 1, plannedCount: 200 } });
    expect(firstError(stale.body)).toEqual({
      code: 'CONFLICT',
      message: 'Layoff report CY-T-UPD is at version 2, not 1: read it again and reapply your change',
    });
    expect(stale.body.errors?.[0]?.extensions?.['currentVersion']).toBe(2);
    expect(await reportsOf(code)).toEqual([expect.objectContaining({ plannedCount: 45, placementPlan: '转岗至集团其他工厂', version: 2 })]);
  });

  it('refuses a change to a planned count under 1 and to a report that does not exist', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: reportInput('CY-T-UPD2', code) });
    const zero = await hr.query(UPDATE, { input: { reportNo: 'CY-T-UPD2', version: 1, plannedCount: 0 } });
    expect(firstError(zero.body)).toEqual({ code: 'BAD_USER_INPUT', field: 'plannedCount', rule: 'must be at least 1' });
    const missing = await hr.query(UPDATE, { input: { reportNo: 'CY-T-NONE', version: 1, plannedCount: 5 } });
    expect(firstError(missing.body)).toEqual({ code: 'NOT_FOUND', message: 'Layoff report CY-T-NONE does not exist' });
    expect(await reportsOf(code)).toEqual([expect.objectContaining({ plannedCount: 60, version: 1 })]);
  });
});
