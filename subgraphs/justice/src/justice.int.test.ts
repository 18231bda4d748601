import { personRefOf } from '@labour/shared';
import { startSubgraph, TEST_LINKAGE_KEY, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from './definition';
import {
  CREATE_COMMITTEE,
  CREATE_LEGAL_AID,
  CREATE_PEOPLE_MEDIATION,
  CREDIT_CODE,
  ENTERPRISE_COMMITTEE,
  legalAidInput,
  LI,
  LOOKUP_AID,
  LOOKUP_MEDIATION,
  OTHER_CREDIT_CODE,
  peopleMediationInput,
  versioned,
  violation,
  ZHANG,
} from './justice.fixtures';

let running: RunningSubgraph;
const zhangRef = personRefOf(ZHANG.idNumber, TEST_LINKAGE_KEY);
const liRef = personRefOf(LI.idNumber, TEST_LINKAGE_KEY);

beforeAll(async () => {
  running = await startSubgraph(justiceSubgraph);
  const created = await running.query(CREATE_COMMITTEE, { input: ENTERPRISE_COMMITTEE });
  expect(created.body).toEqual({
    data: { createPeopleMediationCommittee: { code: 'PMC-E-0001', level: 'ENTERPRISE', version: 1, enterprise: { creditCode: CREDIT_CODE } } },
  });
}, 60_000);
afterAll(() => running?.stop());

describe('legal aid (法律援助)', () => {
  it('registers an application and finds it by case number, with the 7-day decision date', async () => {
    const created = await running.query(CREATE_LEGAL_AID, { input: legalAidInput() });
    expect(created.body).toEqual({
      data: {
        createLegalAidCase: {
          caseNo: '京开法援〔2026〕第0001号', disputeNo: 'LD-JU-2026-000001', status: 'APPLIED', version: 1,
          eligibilityBasis: 'ECONOMIC_HARDSHIP', hardshipEvidence: '低保证明（街道出具）', lawyer: null,
          appliedOn: '2026-03-02', grantedOn: null, decisionDueOn: '2026-03-09',
          applicant: { name: '张三', idNumber: ZHANG.idNumber, personRef: zhangRef }, enterprise: { creditCode: CREDIT_CODE },
        },
      },
    });
    const found = await running.query(LOOKUP_AID, { caseNo: '京开法援〔2026〕第0001号' });
    expect(found.body).toEqual({ data: { legalAidCase: { caseNo: '京开法援〔2026〕第0001号', status: 'APPLIED', version: 1, lawyer: null, grantedOn: null } } });
  });

  it('refuses bad identifiers and a case number of another year, naming field and rule, and writes nothing', async () => {
    const input = legalAidInput({ caseNo: '京开法援〔2025〕第0002号', enterpriseCreditCode: '91110302MA01ABCD13' });
    const response = await running.query(CREATE_LEGAL_AID, { input });
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.['violations']).toEqual([
      { field: 'caseNo', rule: 'must carry the year of appliedOn (2026), not 2025' },
      { field: 'enterpriseCreditCode', rule: expect.stringMatching(/^is not a valid unified social credit code: /) },
    ]);
    expect((await running.query(LOOKUP_AID, { caseNo: '京开法援〔2025〕第0002号' })).body).toEqual({ data: { legalAidCase: null } });
  });

  it('requires hardship evidence unless the basis is a migrant wage claim, and collects none for that basis', async () => {
    const missing = await running.query(CREATE_LEGAL_AID, { input: legalAidInput({ caseNo: '京开法援〔2026〕第0003号', hardshipEvidence: null }) });
    expect(violation(missing)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'hardshipEvidence',
      rule: 'is required when eligibilityBasis is ECONOMIC_HARDSHIP: only MIGRANT_WAGE_CLAIM is exempt from the economic-hardship check',
    });
    expect((await running.query(LOOKUP_AID, { caseNo: '京开法援〔2026〕第0003号' })).body).toEqual({ data: { legalAidCase: null } });

    const migrant = legalAidInput({ caseNo: '京开法援〔2026〕第0004号', eligibilityBasis: 'MIGRANT_WAGE_CLAIM', applicant: LI });
    const offered = await running.query(CREATE_LEGAL_AID, { input: migrant });
    expect(violation(offered)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hardshipEvidence' });
    const created = await running.query(CREATE_LEGAL_AID, { input: { ...migrant, hardshipEvidence: null } });
    expect(created.body.data?.createLegalAidCase).toMatchObject({ status: 'APPLIED', eligibilityBasis: 'MIGRANT_WAGE_CLAIM', hardshipEvidence: null });
  });

  it('updates the basis only together with the evidence it needs', async () => {
    const update = versioned('updateLegalAidCase', 'UpdateLegalAidCaseInput', 'status version eligibilityBasis hardshipEvidence');
    const caseNo = '京开法援〔2026〕第0004号';
    const bare = await running.query(update, { input: { caseNo, version: 1, eligibilityBasis: 'WORK_INJURY' } });
    expect(violation(bare)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'hardshipEvidence',
      rule: 'is required when eligibilityBasis is WORK_INJURY: only MIGRANT_WAGE_CLAIM is exempt from the economic-hardship check',
    });
    const updated = await running.query(update, { input: { caseNo, version: 1, eligibilityBasis: 'WORK_INJURY', hardshipEvidence: '工伤认定书' } });
    expect(updated.body).toEqual({ data: { updateLegalAidCase: { status: 'APPLIED', version: 2, eligibilityBasis: 'WORK_INJURY', hardshipEvidence: '工伤认定书' } } });
  });

  it('grants only with a lawyer, refuses an illegal transition and a stale version', async () => {
    const caseNo = '京开法援〔2026〕第0001号';
    const grant = versioned('grantLegalAid', 'GrantLegalAidInput', 'status version lawyer grantedOn');
    const noLawyer = await running.query(grant, { input: { caseNo, version: 1, on: '2026-03-05' } });
    expect(violation(noLawyer)).toEqual({ code: 'BAD_USER_INPUT', field: 'lawyer', rule: 'is required to grant legal aid: name the assigned lawyer (承办律师)' });

    const granted = await running.query(grant, { input: { caseNo, version: 1, on: '2026-03-05', lawyer: '王律师' } });
    expect(granted.body).toEqual({ data: { grantLegalAid: { status: 'GRANTED', version: 2, lawyer: '王律师', grantedOn: '2026-03-05' } } });

    const refused = await running.query(versioned('refuseLegalAid', 'LegalAidCaseVersionInput'), { input: { caseNo, version: 2 } });
    expect(violation(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'status', rule: 'cannot change from GRANTED to REFUSED (allowed from GRANTED: CLOSED)' });

    const close = versioned('closeLegalAidCase', 'LegalAidCaseVersionInput');
    const stale = await running.query(close, { input: { caseNo, version: 1 } });
    expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
    expect((await running.query(LOOKUP_AID, { caseNo })).body.data.legalAidCase).toMatchObject({ status: 'GRANTED', version: 2 });

    const closed = await running.query(close, { input: { caseNo, version: 2 } });
    expect(closed.body).toEqual({ data: { closeLegalAidCase: { status: 'CLOSED', version: 3 } } });
  });
});

describe('people\'s mediation (人民调解)', () => {
  it('registers a case with the 15-day mediation period and finds it by case number', async () => {
    const created = await running.query(CREATE_PEOPLE_MEDIATION, { input: peopleMediationInput() });
    expect(created.body).toEqual({
      data: {
        createPeopleMediationCase: {
          caseNo: '京开人调〔2026〕第0001号', status: 'APPLIED', version: 1, appliedOn: '2026-01-25', dueOn: '2026-02-09',
          closedOn: null, outcome: null, committee: { code: 'PMC-E-0001' },
          parties: [{ name: '张三', personRef: zhangRef }, { name: '李四', personRef: liRef }], enterprise: { creditCode: CREDIT_CODE },
        },
      },
    });
    const found = await running.query(LOOKUP_MEDIATION, { caseNo: '京开人调〔2026〕第0001号' });
    expect(found.body).toEqual({ data: { peopleMediationCase: { caseNo: '京开人调〔2026〕第0001号', status: 'APPLIED', version: 1, closedOn: null, outcome: null } } });
  });

  it('keeps an enterprise committee to its own enterprise and refuses an unknown committee, writing nothing', async () => {
    const other = await running.query(CREATE_PEOPLE_MEDIATION, { input: peopleMediationInput({ caseNo: '京开人调〔2026〕第0002号', enterpriseCreditCode: OTHER_CREDIT_CODE }) });
    expect(violation(other)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'committeeCode',
      rule: `is the enterprise committee of ${CREDIT_CODE}, which mediates only that enterprise's disputes`,
    });
    const unknown = await running.query(CREATE_PEOPLE_MEDIATION, { input: peopleMediationInput({ caseNo: '京开人调〔2026〕第0002号', committeeCode: 'NOPE' }) });
    expect(violation(unknown)).toEqual({ code: 'BAD_USER_INPUT', field: 'committeeCode', rule: 'names no registered people\'s mediation committee (NOPE)' });
    expect((await running.query(LOOKUP_MEDIATION, { caseNo: '京开人调〔2026〕第0002号' })).body).toEqual({ data: { peopleMediationCase: null } });
  });

  it('closes once and refuses to mediate a closed case or to apply a stale version', async () => {
    const caseNo = '京开人调〔2026〕第0001号';
    const close = versioned('closePeopleMediationCase', 'ClosePeopleMediationCaseInput', 'status version closedOn outcome');
    const closed = await running.query(close, { input: { caseNo, version: 1, on: '2026-02-03', outcome: 'AGREED' } });
    expect(closed.body).toEqual({ data: { closePeopleMediationCase: { status: 'CLOSED', version: 2, closedOn: '2026-02-03', outcome: 'AGREED' } } });

    const start = versioned('startPeopleMediation', 'PeopleMediationCaseVersionInput');
    const restarted = await running.query(start, { input: { caseNo, version: 2 } });
    expect(violation(restarted)).toEqual({ code: 'BAD_USER_INPUT', field: 'status', rule: 'cannot change from CLOSED to MEDIATING (allowed from CLOSED: none)' });
    const stale = await running.query(start, { input: { caseNo, version: 1 } });
    expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('lists the new cases on the worker, the enterprise and the dispute through _entities', async () => {
    const response = await running.query(/* GraphQL */ `
      query ($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Worker { legalAidCases { caseNo } peopleMediationCases { caseNo } }
          ... on Enterprise { legalAidCases { caseNo } peopleMediationCommittees { code } }
          ... on Dispute { peopleMediationCases { caseNo committee { code } } }
        }
      }`, {
      reps: [
        { __typename: 'Worker', personRef: liRef },
        { __typename: 'Enterprise', creditCode: CREDIT_CODE },
        { __typename: 'Dispute', disputeNo: 'LD-JU-2026-000002' },
      ],
    });
    expect(response.body).toEqual({
      data: {
        _entities: [
          { legalAidCases: [{ caseNo: '京开法援〔2026〕第0004号' }], peopleMediationCases: [{ caseNo: '京开人调〔2026〕第0001号' }] },
          {
            legalAidCases: [{ caseNo: '京开法援〔2026〕第0004号' }, { caseNo: '京开法援〔2026〕第0001号' }],
            peopleMediationCommittees: [{ code: 'PMC-E-0001' }],
          },
          { peopleMediationCases: [{ caseNo: '京开人调〔2026〕第0001号', committee: { code: 'PMC-E-0001' } }] },
        ],
      },
    });
  });
});
