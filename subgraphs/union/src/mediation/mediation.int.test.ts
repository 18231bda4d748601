import { addDays, personRefOf } from '@labour/shared';
import { TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';
import { act, CASE, CREATE, ENTERPRISE, mediationInput, WORKER } from '../union.fixtures';
import { refusalOf } from '@labour/testing/refusals';

const withWrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
const UPDATE = act('updateMediationCase', 'UpdateMediationCaseInput');
const START = act('startMediation', 'StartMediationInput');
const CLOSE = act('closeMediationCase', 'CloseMediationCaseInput');
const LOOKUP = `query ($caseNo: String!) { mediationCase(caseNo: $caseNo) { ${CASE} } }`;

describe('union subgraph: records, rules and the legal clock', () => {
  const union = useSubgraph(unionSubgraph);

  it('creates a mediation case due 15 days after the application and finds it by case number', async () => {
    const caseNo = '京开工调字〔2026〕第9101号';
    const created = await union.query(CREATE, { input: mediationInput(caseNo, '2026-09-01') });
    expect(created.body.errors).toBeUndefined();
    const expected = {
      caseNo,
      disputeNo: 'LD-UN-2026-900001',
      status: 'APPLIED',
      outcome: null,
      appliedOn: '2026-09-01',
      dueOn: '2026-09-16',
      closedOn: null,
      overdue: true,
      version: 1,
      claims: '支付拖欠工资12000元',
      mediator: '周调解',
      agreement: null,
      workers: [{ personRef: personRefOf(WORKER.idNumber, TEST_LINKAGE_KEY), name: '赵六' }],
      enterprise: { creditCode: ENTERPRISE },
      dispute: { disputeNo: 'LD-UN-2026-900001' },
    };
    expect(created.body.data.createMediationCase).toEqual(expected);
    expect((await union.query(LOOKUP, { caseNo })).body.data.mediationCase).toEqual(expected);
  });

  it('is not overdue while the 15 days run', async () => {
    const today = TEST_AS_OF;
    const { body } = await union.query(CREATE, { input: mediationInput(`京开工调字〔${today.slice(0, 4)}〕第9102号`, today) });
    expect(body.data.createMediationCase).toMatchObject({ dueOn: addDays(today, 15), overdue: false });
  });

  it('refuses bad input naming each field and rule, and writes nothing', async () => {
    const caseNo = '京开工调字〔2025〕第9103号';
    const input = mediationInput(caseNo, '2026-09-01', { enterpriseCreditCode: withWrongCheck(ENTERPRISE), workers: [] });
    const { body } = await union.query(CREATE, { input });
    expect(refusalOf(body)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseNo',
      rule: 'must carry the year of appliedOn (2026), not 2025',
    });
    expect(body.errors![0]!.extensions!['violations']).toEqual([
      { field: 'caseNo', rule: 'must carry the year of appliedOn (2026), not 2025' },
      { field: 'workers', rule: 'must name at least one worker' },
      { field: 'enterpriseCreditCode', rule: 'is not a valid unified social credit code: has a wrong check character (GB 32100)' },
    ]);
    expect((await union.query(LOOKUP, { caseNo })).body.data.mediationCase).toBeNull();
  });

  it('runs APPLIED → MEDIATING → CLOSED and refuses what the process does not allow', async () => {
    const caseNo = '京开工调字〔2026〕第9104号';
    await union.query(CREATE, { input: mediationInput(caseNo, '2026-10-01') });
    const agreedTooSoon = await union.query(CLOSE, {
      input: { caseNo, version: 1, on: '2026-10-03', outcome: 'AGREED', agreement: '一次性支付' },
    });
    expect(agreedTooSoon.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'outcome',
      rule: 'cannot be AGREED while the case is APPLIED (allowed: WITHDRAWN, LAPSED)',
    });
    const started = await union.query(START, { input: { caseNo, version: 1, on: '2026-10-02' } });
    expect(started.body.data.startMediation).toMatchObject({ status: 'MEDIATING', version: 2 });
    const lapsedEarly = await union.query(CLOSE, { input: { caseNo, version: 2, on: '2026-10-10', outcome: 'LAPSED' } });
    expect(lapsedEarly.body.errors?.[0]?.extensions).toMatchObject({
      field: 'on',
      rule: 'must not be earlier than the end of the 15-day mediation period (2026-10-16)',
    });
    const noText = await union.query(CLOSE, { input: { caseNo, version: 2, on: '2026-10-10', outcome: 'AGREED' } });
    expect(noText.body.errors?.[0]?.extensions).toMatchObject({ field: 'agreement', rule: 'is required when the outcome is AGREED' });
    const agreed = await union.query(CLOSE, {
      input: { caseNo, version: 2, on: '2026-10-10', outcome: 'AGREED', agreement: '一次性支付10000元' },
    });
    expect(agreed.body.data.closeMediationCase).toMatchObject({
      status: 'CLOSED',
      outcome: 'AGREED',
      closedOn: '2026-10-10',
      agreement: '一次性支付10000元',
      overdue: false,
      version: 3,
    });
    const restart = await union.query(START, { input: { caseNo, version: 3, on: '2026-10-11' } });
    expect(restart.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from CLOSED to MEDIATING (allowed from CLOSED: none)',
    });
  });

  it('refuses a stale version with CONFLICT and keeps the first update', async () => {
    const caseNo = '京开工调字〔2026〕第9105号';
    await union.query(CREATE, { input: mediationInput(caseNo, '2026-10-05') });
    const first = await union.query(UPDATE, { input: { caseNo, version: 1, mediator: '吴调解' } });
    expect(first.body.data.updateMediationCase).toMatchObject({ mediator: '吴调解', version: 2 });
    const stale = await union.query(UPDATE, { input: { caseNo, version: 1, claims: '另案' } });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await union.query(LOOKUP, { caseNo })).body.data.mediationCase).toMatchObject({
      mediator: '吴调解',
      claims: '支付拖欠工资12000元',
      version: 2,
    });
  });
});
