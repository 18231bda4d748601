import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { fileEnterprise, badInput, firstError } from '../hr-bureau.fixtures';

/** Labour-security inspections (劳动保障监察): recording one, rectification, closing, changes at the version read. */
const FIELDS = 'inspectionNo kind inspectedOn findings violationFound rectificationDueOn closedOn status version enterprise { creditCode }';
const CREATE = `mutation ($input: CreateLaborInspectionInput!) { createLaborInspection(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateLaborInspectionInput!) { updateLaborInspection(input: $input) { ${FIELDS} } }`;
const INSPECTIONS = `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { inspections { ${FIELDS} } } }`;

function inspectionInput(inspectionNo: string, enterpriseCreditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    inspectionNo,
    enterpriseCreditCode,
    kind: 'COMPLAINT',
    inspectedOn: '2026-09-10',
    findings: '未按月足额支付工资',
    violationFound: true,
    rectificationDueOn: '2026-09-25',
    ...overrides,
  };
}

describe('labour-security inspections', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  const inspectionsOf = async (creditCode: string) => (await hr.query(INSPECTIONS, { creditCode })).body.data.enterprise.inspections;

  it('records an inspection that found a violation as RECTIFYING, with its deadline, and keeps it', async () => {
    const code = await fileEnterprise(hr);
    const input = inspectionInput('JC-T-1', code);
    const { body } = await hr.query(CREATE, { input });
    expect(body.errors).toBeUndefined();
    // Kept as sent (the employer as its enterprise), with the status and version the bureau gives it.
    const { enterpriseCreditCode, ...sent } = input;
    const expected = { ...sent, closedOn: null, status: 'RECTIFYING', version: 1, enterprise: { creditCode: enterpriseCreditCode } };
    expect(body.data.createLaborInspection).toEqual(expected);
    expect(await inspectionsOf(code)).toEqual([expected]);
  });

  it('records an inspection without a violation as OPEN, with no rectification deadline', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, {
      input: inspectionInput('JC-T-2', code, {
        kind: 'RANDOM',
        findings: '未发现违法行为',
        violationFound: false,
        rectificationDueOn: null,
      }),
    });
    expect(body.data.createLaborInspection).toMatchObject({
      inspectionNo: 'JC-T-2',
      kind: 'RANDOM',
      violationFound: false,
      rectificationDueOn: null,
      status: 'OPEN',
      version: 1,
    });
  });

  it('requires a rectification deadline when a violation was found, and writes nothing', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, { input: inspectionInput('JC-T-3', code, { rectificationDueOn: null }) });
    expect(body.data).toBeNull();
    expect(firstError(body)).toEqual(badInput('rectificationDueOn', 'is required when a violation was found'));
    expect(await inspectionsOf(code)).toEqual([]);
  });

  it('refuses a rectification deadline before the inspection, and empty findings, naming each field', async () => {
    const code = await fileEnterprise(hr);
    const early = await hr.query(CREATE, { input: inspectionInput('JC-T-4', code, { rectificationDueOn: '2026-09-09' }) });
    expect(firstError(early.body)).toEqual(badInput('rectificationDueOn', 'must not be earlier than inspectedOn (2026-09-10)'));
    const blank = await hr.query(CREATE, { input: inspectionInput('JC-T-4', code, { findings: '' }) });
    expect(firstError(blank.body)).toEqual({ code: 'BAD_USER_INPUT', field: 'findings', rule: 'must be 1 to 4000 characters' });
    expect(await inspectionsOf(code)).toEqual([]);
  });

  it('closes a rectification on a date not before the inspection, at the version read', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: inspectionInput('JC-T-5', code) });
    const noDate = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-5', version: 1, status: 'CLOSED' } });
    expect(firstError(noDate.body)).toEqual(badInput('closedOn', 'is required when the status becomes CLOSED'));
    const tooEarly = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-5', version: 1, status: 'CLOSED', closedOn: '2026-09-01' } });
    expect(firstError(tooEarly.body)).toEqual(badInput('closedOn', 'must not be earlier than inspectedOn (2026-09-10)'));
    const closed = await hr.query(UPDATE, {
      input: { inspectionNo: 'JC-T-5', version: 1, status: 'CLOSED', closedOn: '2026-09-24', findings: '已补发工资，整改完毕' },
    });
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data.updateLaborInspection).toMatchObject({
      status: 'CLOSED',
      closedOn: '2026-09-24',
      findings: '已补发工资，整改完毕',
      version: 2,
    });
  });

  it("is overdue while a rectification is past its deadline, by the service's day, until it is closed", async () => {
    // The test services run on TEST_AS_OF (2026-11-20).
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: inspectionInput('JC-T-8', code, { rectificationDueOn: '2026-11-19' }) });
    await hr.query(CREATE, { input: inspectionInput('JC-T-9', code, { rectificationDueOn: TEST_AS_OF }) });
    await hr.query(CREATE, { input: inspectionInput('JC-T-10', code, { violationFound: false, rectificationDueOn: null }) });
    const overdue = async () => {
      const { body } = await hr.query(
        `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { inspections { inspectionNo overdue } } }`,
        { creditCode: code },
      );
      return Object.fromEntries(
        body.data.enterprise.inspections.map((i: { inspectionNo: string; overdue: boolean }) => [i.inspectionNo, i.overdue]),
      );
    };
    expect(await overdue()).toEqual({ 'JC-T-8': true, 'JC-T-9': false, 'JC-T-10': false });
    const closed = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-8', version: 1, status: 'CLOSED', closedOn: TEST_AS_OF } });
    expect(closed.body.errors).toBeUndefined();
    expect(await overdue()).toEqual({ 'JC-T-8': false, 'JC-T-9': false, 'JC-T-10': false });
  });

  it('refuses an illegal change of stage, naming both stages', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: inspectionInput('JC-T-6', code) });
    const back = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-6', version: 1, status: 'OPEN' } });
    expect(firstError(back.body)).toEqual(badInput('status', 'cannot change from RECTIFYING to OPEN (allowed from RECTIFYING: CLOSED)'));
    await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-6', version: 1, status: 'CLOSED', closedOn: '2026-09-20' } });
    const reopen = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-6', version: 2, status: 'RECTIFYING' } });
    expect(firstError(reopen.body)).toEqual(badInput('status', 'cannot change from CLOSED to RECTIFYING (allowed from CLOSED: none)'));
    expect(await inspectionsOf(code)).toEqual([expect.objectContaining({ status: 'CLOSED', closedOn: '2026-09-20', version: 2 })]);
  });

  it('refuses a stale version with CONFLICT and keeps the first change', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: inspectionInput('JC-T-7', code) });
    const first = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-7', version: 1, findings: '复查：已部分补发' } });
    expect(first.body.data.updateLaborInspection).toMatchObject({ findings: '复查：已部分补发', status: 'RECTIFYING', version: 2 });
    const stale = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-7', version: 1, findings: '另一人的修改' } });
    expect(firstError(stale.body)).toEqual({
      code: 'CONFLICT',
      message: 'Inspection JC-T-7 is at version 2, not 1: read it again and reapply your change',
    });
    expect(await inspectionsOf(code)).toEqual([expect.objectContaining({ findings: '复查：已部分补发', version: 2 })]);
    const missing = await hr.query(UPDATE, { input: { inspectionNo: 'JC-T-NONE', version: 1, findings: '无' } });
    expect(firstError(missing.body)).toEqual({ code: 'NOT_FOUND', message: 'Inspection JC-T-NONE does not exist' });
  });
});
