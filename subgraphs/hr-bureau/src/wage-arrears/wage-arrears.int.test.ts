import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { fileEnterprise, badInput, firstError } from '../hr-bureau.fixtures';

/** Wage-arrears warnings (欠薪预警): raising one, changing it at the version read, resolving it. */
const FIELDS = 'alertNo project level amountOwed workersAffected raisedOn resolvedOn open version enterprise { creditCode }';
const CREATE = `mutation ($input: CreateWageArrearsAlertInput!) { createWageArrearsAlert(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateWageArrearsAlertInput!) { updateWageArrearsAlert(input: $input) { ${FIELDS} } }`;
const ALERTS = `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { wageArrearsAlerts { ${FIELDS} } } }`;

function alertInput(alertNo: string, enterpriseCreditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    alertNo,
    enterpriseCreditCode,
    project: '亦庄镇安置房三期',
    level: 'ORANGE',
    amountOwed: '486300.5',
    workersAffected: 58,
    raisedOn: '2026-10-16',
    ...overrides,
  };
}

describe('wage-arrears warnings', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  const alertsOf = async (creditCode: string) => (await hr.query(ALERTS, { creditCode })).body.data.enterprise.wageArrearsAlerts;

  it('raises an open warning with the amount as an exact decimal, and keeps it', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, { input: alertInput('YJ-T-1', code) });
    expect(body.errors).toBeUndefined();
    const expected = {
      alertNo: 'YJ-T-1',
      project: '亦庄镇安置房三期',
      level: 'ORANGE',
      amountOwed: '486300.50',
      workersAffected: 58,
      raisedOn: '2026-10-16',
      resolvedOn: null,
      open: true,
      version: 1,
      enterprise: { creditCode: code },
    };
    expect(body.data.createWageArrearsAlert).toEqual(expected);
    expect(await alertsOf(code)).toEqual([expected]);
  });

  it('refuses a warning owing nothing to nobody, naming both fields and rules, and writes nothing', async () => {
    const code = await fileEnterprise(hr);
    const { body } = await hr.query(CREATE, { input: alertInput('YJ-T-2', code, { amountOwed: '0.00', workersAffected: 0 }) });
    expect(body.data).toBeNull();
    expect(firstError(body)).toEqual({ code: 'BAD_USER_INPUT', field: 'amountOwed', rule: 'must be at least 0.01' });
    expect(body.errors?.[0]?.extensions?.['violations']).toEqual([
      { field: 'amountOwed', rule: 'must be at least 0.01' },
      { field: 'workersAffected', rule: 'must be at least 1' },
    ]);
    const noProject = await hr.query(CREATE, { input: alertInput('YJ-T-2', code, { project: '' }) });
    expect(firstError(noProject.body)).toEqual({ code: 'BAD_USER_INPUT', field: 'project', rule: 'must be 1 to 200 characters' });
    expect(await alertsOf(code)).toEqual([]);
  });

  it('refuses a warning number already taken with CONFLICT', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: alertInput('YJ-T-3', code) });
    const again = await hr.query(CREATE, { input: alertInput('YJ-T-3', code, { level: 'RED' }) });
    expect(firstError(again.body)).toEqual({ code: 'CONFLICT', message: 'A wage-arrears warning with alertNo YJ-T-3 already exists' });
    expect((await alertsOf(code)).map((a: { level: string }) => a.level)).toEqual(['ORANGE']);
  });

  it('raises the level and the amount at the version read, and refuses a stale version with CONFLICT', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: alertInput('YJ-T-4', code) });
    const first = await hr.query(UPDATE, {
      input: { alertNo: 'YJ-T-4', version: 1, level: 'RED', amountOwed: '512000', workersAffected: 61 },
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.updateWageArrearsAlert).toMatchObject({
      level: 'RED',
      amountOwed: '512000.00',
      workersAffected: 61,
      open: true,
      version: 2,
    });
    const stale = await hr.query(UPDATE, { input: { alertNo: 'YJ-T-4', version: 1, level: 'BLUE' } });
    expect(firstError(stale.body)).toEqual({
      code: 'CONFLICT',
      message: 'Wage-arrears warning YJ-T-4 is at version 2, not 1: read it again and reapply your change',
    });
    expect(await alertsOf(code)).toEqual([expect.objectContaining({ level: 'RED', amountOwed: '512000.00', version: 2 })]);
  });

  it('resolves a warning on a date not before it was raised, and then refuses any change to it', async () => {
    const code = await fileEnterprise(hr);
    await hr.query(CREATE, { input: alertInput('YJ-T-5', code) });
    const early = await hr.query(UPDATE, { input: { alertNo: 'YJ-T-5', version: 1, resolvedOn: '2026-10-15' } });
    expect(firstError(early.body)).toEqual(badInput('resolvedOn', 'must not be earlier than raisedOn (2026-10-16)'));
    const resolved = await hr.query(UPDATE, { input: { alertNo: 'YJ-T-5', version: 1, resolvedOn: '2026-11-02' } });
    expect(resolved.body.data.updateWageArrearsAlert).toMatchObject({ resolvedOn: '2026-11-02', open: false, version: 2 });
    const afterwards = await hr.query(UPDATE, { input: { alertNo: 'YJ-T-5', version: 2, level: 'RED' } });
    expect(firstError(afterwards.body)).toEqual(badInput('alertNo', 'was resolved on 2026-11-02: a resolved warning cannot change'));
    expect(await alertsOf(code)).toEqual([expect.objectContaining({ level: 'ORANGE', resolvedOn: '2026-11-02', open: false, version: 2 })]);
    const missing = await hr.query(UPDATE, { input: { alertNo: 'YJ-T-NONE', version: 1, level: 'RED' } });
    expect(firstError(missing.body)).toEqual({ code: 'NOT_FOUND', message: 'Wage-arrears warning YJ-T-NONE does not exist' });
  });
});
