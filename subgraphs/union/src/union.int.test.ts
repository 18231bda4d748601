import { addDays, idNumberCheckCharacter, personRefOf, usccCheckCharacter } from '@labour/shared';
import { startSubgraph, TEST_LINKAGE_KEY, type RunningSubgraph, TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from './definition';

const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const idNumber = (body17: string) => body17 + idNumberCheckCharacter(body17);
const ENTERPRISE = uscc('91110115MA07UNAN1');
const withWrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
const WORKER = { idNumber: idNumber('11010519880202123'), name: '赵六' };

const CASE = /* GraphQL */ `caseNo disputeNo status outcome appliedOn dueOn closedOn overdue version claims mediator agreement
  workers { personRef name } enterprise { creditCode } dispute { disputeNo }`;
const mediationInput = (caseNo: string, appliedOn: string, extra: object = {}) => ({
  caseNo, disputeNo: 'LD-UN-2026-900001', workers: [WORKER], enterpriseCreditCode: ENTERPRISE,
  mediator: '周调解', claims: '支付拖欠工资12000元', appliedOn, ...extra,
});
const act = (name: string, type: string) => `mutation ($input: ${type}!) { ${name}(input: $input) { ${CASE} } }`;
const CREATE = act('createMediationCase', 'CreateMediationCaseInput');
const UPDATE = act('updateMediationCase', 'UpdateMediationCaseInput');
const START = act('startMediation', 'StartMediationInput');
const CLOSE = act('closeMediationCase', 'CloseMediationCaseInput');
const LOOKUP = `query ($caseNo: String!) { mediationCase(caseNo: $caseNo) { ${CASE} } }`;

describe('union subgraph: records, rules and the legal clock', () => {
  let union: RunningSubgraph;
  beforeAll(async () => {
    union = await startSubgraph(unionSubgraph);
  }, 120_000);
  afterAll(() => union?.stop());

  it('creates a mediation case due 15 days after the application and finds it by case number', async () => {
    const caseNo = '京开工调字〔2026〕第9101号';
    const created = await union.query(CREATE, { input: mediationInput(caseNo, '2026-09-01') });
    expect(created.body.errors).toBeUndefined();
    const expected = {
      caseNo, disputeNo: 'LD-UN-2026-900001', status: 'APPLIED', outcome: null, appliedOn: '2026-09-01', dueOn: '2026-09-16',
      closedOn: null, overdue: true, version: 1, claims: '支付拖欠工资12000元', mediator: '周调解', agreement: null,
      workers: [{ personRef: personRefOf(WORKER.idNumber, TEST_LINKAGE_KEY), name: '赵六' }],
      enterprise: { creditCode: ENTERPRISE }, dispute: { disputeNo: 'LD-UN-2026-900001' },
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
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseNo', rule: 'must carry the year of appliedOn (2026), not 2025' });
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
    const agreedTooSoon = await union.query(CLOSE, { input: { caseNo, version: 1, on: '2026-10-03', outcome: 'AGREED', agreement: '一次性支付' } });
    expect(agreedTooSoon.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'outcome', rule: 'cannot be AGREED while the case is APPLIED (allowed: WITHDRAWN, LAPSED)',
    });
    const started = await union.query(START, { input: { caseNo, version: 1, on: '2026-10-02' } });
    expect(started.body.data.startMediation).toMatchObject({ status: 'MEDIATING', version: 2 });
    const lapsedEarly = await union.query(CLOSE, { input: { caseNo, version: 2, on: '2026-10-10', outcome: 'LAPSED' } });
    expect(lapsedEarly.body.errors?.[0]?.extensions).toMatchObject({
      field: 'on', rule: 'must not be earlier than the end of the 15-day mediation period (2026-10-16)',
    });
    const noText = await union.query(CLOSE, { input: { caseNo, version: 2, on: '2026-10-10', outcome: 'AGREED' } });
    expect(noText.body.errors?.[0]?.extensions).toMatchObject({ field: 'agreement', rule: 'is required when the outcome is AGREED' });
    const agreed = await union.query(CLOSE, { input: { caseNo, version: 2, on: '2026-10-10', outcome: 'AGREED', agreement: '一次性支付10000元' } });
    expect(agreed.body.data.closeMediationCase).toMatchObject({
      status: 'CLOSED', outcome: 'AGREED', closedOn: '2026-10-10', agreement: '一次性支付10000元', overdue: false, version: 3,
    });
    const restart = await union.query(START, { input: { caseNo, version: 3, on: '2026-10-11' } });
    expect(restart.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'status', rule: 'cannot change from CLOSED to MEDIATING (allowed from CLOSED: none)',
    });
  });

  it('refuses a stale version with CONFLICT and keeps the first update', async () => {
    const caseNo = '京开工调字〔2026〕第9105号';
    await union.query(CREATE, { input: mediationInput(caseNo, '2026-10-05') });
    const first = await union.query(UPDATE, { input: { caseNo, version: 1, mediator: '吴调解' } });
    expect(first.body.data.updateMediationCase).toMatchObject({ mediator: '吴调解', version: 2 });
    const stale = await union.query(UPDATE, { input: { caseNo, version: 1, claims: '另案' } });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await union.query(LOOKUP, { caseNo })).body.data.mediationCase).toMatchObject({ mediator: '吴调解', claims: '支付拖欠工资12000元', version: 2 });
  });

  it('lets a collective contract take effect 15 days after filing, never earlier', async () => {
    const create = `mutation ($input: CreateCollectiveContractInput!) { createCollectiveContract(input: $input) { contractNo effectiveOn expiresOn wageIncreasePct inForce } }`;
    const input = { contractNo: 'HT-T-9001', enterpriseCreditCode: ENTERPRISE, kind: 'WAGE', signedOn: '2026-01-05', filedOn: '2026-01-10', expiresOn: '2029-01-24', wageIncreasePct: '5.5', coveredWorkers: 120 };
    const early = await union.query(create, { input: { ...input, effectiveOn: '2026-01-20' } });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'effectiveOn', rule: "must not be earlier than 15 days after filing, the labour bureau's review period (2026-01-25)",
    });
    const { body } = await union.query(create, { input });
    expect(body.data.createCollectiveContract).toEqual({ contractNo: 'HT-T-9001', effectiveOn: '2026-01-25', expiresOn: '2029-01-24', wageIncreasePct: '5.50', inForce: true });
  });

  it('links aid and consultations to the worker, the enterprise and the union covering it', async () => {
    const aid = await union.query(`mutation ($input: CreateHardshipAidInput!) { createHardshipAid(input: $input) { aidNo amount } }`, {
      input: { aidNo: 'BF-T-9001', recipient: WORKER, enterpriseCreditCode: ENTERPRISE, kind: 'MEDICAL', amount: '3000', grantedOn: '2026-10-01', reason: '住院治疗' },
    });
    expect(aid.body.data.createHardshipAid).toEqual({ aidNo: 'BF-T-9001', amount: '3000.00' });
    const consult = `mutation ($input: CreateLegalConsultationInput!) { createLegalConsultation(input: $input) { consultationNo referredToLegalAid } }`;
    const base = { consultationNo: 'ZX-T-9001', channel: 'HOTLINE', topic: '加班费', answerSummary: '可申请调解', consultedOn: '2026-09-20' };
    const nobody = await union.query(consult, { input: base });
    expect(nobody.body.errors?.[0]?.extensions).toMatchObject({ field: 'enterpriseCreditCode', rule: 'is required when no worker is named' });
    await union.query(consult, { input: { ...base, worker: WORKER, disputeNo: 'LD-UN-2026-900001' } });
    const org = `mutation ($input: CreateUnionOrganizationInput!) { createUnionOrganization(input: $input) { name } }`;
    const orgInput = { name: '测试联合工会', kind: 'JOINT', enterpriseCreditCodes: [ENTERPRISE], district: '核心区', foundedOn: '2020-05-01', chairName: '钱七', memberCount: 80 };
    await union.query(org, { input: orgInput });
    const twice = await union.query(org, { input: { ...orgInput, name: '另一工会' } });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ field: 'enterpriseCreditCodes', rule: `names ${ENTERPRISE}, already covered by 测试联合工会` });

    const { body } = await union.query(`query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { unionOrganization { name } hardshipAids { aidNo } legalConsultations { consultationNo } collectiveContracts { contractNo } }
      ... on Worker { hardshipAids { aidNo } legalConsultations { consultationNo } mediationCases { caseNo } }
      ... on Dispute { legalConsultations { consultationNo } } } }`, {
      r: [
        { __typename: 'Enterprise', creditCode: ENTERPRISE },
        { __typename: 'Worker', personRef: personRefOf(WORKER.idNumber, TEST_LINKAGE_KEY) },
        { __typename: 'Dispute', disputeNo: 'LD-UN-2026-900001' },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0]).toEqual({
      unionOrganization: { name: '测试联合工会' }, hardshipAids: [{ aidNo: 'BF-T-9001' }], legalConsultations: [], collectiveContracts: [{ contractNo: 'HT-T-9001' }],
    });
    expect(body.data._entities[1].hardshipAids).toEqual([{ aidNo: 'BF-T-9001' }]);
    expect(body.data._entities[1].legalConsultations).toEqual([{ consultationNo: 'ZX-T-9001' }]);
    // Newest first: today's case, then 10-05, 10-01 and 09-01 (the refused one never existed).
    expect(body.data._entities[1].mediationCases.map((c: { caseNo: string }) => c.caseNo.slice(-6))).toEqual(['第9102号', '第9105号', '第9104号', '第9101号']);
    expect(body.data._entities[2]).toEqual({ legalConsultations: [{ consultationNo: 'ZX-T-9001' }] });
  });
});
