import { personRefOf } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from '../definition';
import { CREATE_LEGAL_AID, CREDIT_CODE, legalAidInput, LI, LOOKUP_AID, versioned, violation, ZHANG } from '../justice.fixtures';

const zhangRef = personRefOf(ZHANG.idNumber, TEST_LINKAGE_KEY);

const running = useSubgraph(justiceSubgraph, {}, 60_000);

describe('legal aid (法律援助)', () => {
  it('registers an application and finds it by case number, with the 7-day decision date', async () => {
    const created = await running.query(CREATE_LEGAL_AID, { input: legalAidInput() });
    expect(created.body).toEqual({
      data: {
        createLegalAidCase: {
          caseNo: '京开法援〔2026〕第0001号',
          disputeNo: 'LD-JU-2026-000001',
          status: 'APPLIED',
          version: 1,
          eligibilityBasis: 'ECONOMIC_HARDSHIP',
          hardshipEvidence: '低保证明（街道出具）',
          lawyer: null,
          appliedOn: '2026-03-02',
          grantedOn: null,
          decisionDueOn: '2026-03-09',
          applicant: { name: '张三', idNumber: ZHANG.idNumber, personRef: zhangRef },
          enterprise: { creditCode: CREDIT_CODE },
        },
      },
    });
    const found = await running.query(LOOKUP_AID, { caseNo: '京开法援〔2026〕第0001号' });
    expect(found.body).toEqual({
      data: { legalAidCase: { caseNo: '京开法援〔2026〕第0001号', status: 'APPLIED', version: 1, lawyer: null, grantedOn: null } },
    });
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
    const missing = await running.query(CREATE_LEGAL_AID, {
      input: legalAidInput({ caseNo: '京开法援〔2026〕第0003号', hardshipEvidence: null }),
    });
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
    expect(created.body.data?.createLegalAidCase).toMatchObject({
      status: 'APPLIED',
      eligibilityBasis: 'MIGRANT_WAGE_CLAIM',
      hardshipEvidence: null,
    });
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
    const updated = await running.query(update, {
      input: { caseNo, version: 1, eligibilityBasis: 'WORK_INJURY', hardshipEvidence: '工伤认定书' },
    });
    expect(updated.body).toEqual({
      data: { updateLegalAidCase: { status: 'APPLIED', version: 2, eligibilityBasis: 'WORK_INJURY', hardshipEvidence: '工伤认定书' } },
    });
  });

  it('grants only with a lawyer, refuses an illegal transition and a stale version', async () => {
    const caseNo = '京开法援〔2026〕第0001号';
    const grant = versioned('grantLegalAid', 'GrantLegalAidInput', 'status version lawyer grantedOn');
    const noLawyer = await running.query(grant, { input: { caseNo, version: 1, on: '2026-03-05' } });
    expect(violation(noLawyer)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'lawyer',
      rule: 'is required to grant legal aid: name the assigned lawyer (承办律师)',
    });

    const granted = await running.query(grant, { input: { caseNo, version: 1, on: '2026-03-05', lawyer: '王律师' } });
    expect(granted.body).toEqual({ data: { grantLegalAid: { status: 'GRANTED', version: 2, lawyer: '王律师', grantedOn: '2026-03-05' } } });

    const refused = await running.query(versioned('refuseLegalAid', 'LegalAidCaseVersionInput'), { input: { caseNo, version: 2 } });
    expect(violation(refused)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from GRANTED to REFUSED (allowed from GRANTED: CLOSED)',
    });

    const close = versioned('closeLegalAidCase', 'LegalAidCaseVersionInput');
    const stale = await running.query(close, { input: { caseNo, version: 1 } });
    expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
    expect((await running.query(LOOKUP_AID, { caseNo })).body.data.legalAidCase).toMatchObject({ status: 'GRANTED', version: 2 });

    const closed = await running.query(close, { input: { caseNo, version: 2 } });
    expect(closed.body).toEqual({ data: { closeLegalAidCase: { status: 'CLOSED', version: 3 } } });
  });
});
