import { personRefOf } from '@labour/shared';
import { TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from './definition';
import { CONTRACT_INPUT, CREATE, ENTERPRISE, mediationInput, WORKER } from './union.fixtures';

describe('union subgraph: records, rules and the legal clock', () => {
  const union = useSubgraph(unionSubgraph);
  beforeAll(async () => {
    // The worker's mediation cases, applied for on 09-01, today, 10-01 and 10-05, and the enterprise's collective contract.
    for (const [caseNo, appliedOn] of [
      ['京开工调字〔2026〕第9101号', '2026-09-01'],
      [`京开工调字〔${TEST_AS_OF.slice(0, 4)}〕第9102号`, TEST_AS_OF],
      ['京开工调字〔2026〕第9104号', '2026-10-01'],
      ['京开工调字〔2026〕第9105号', '2026-10-05'],
    ]) {
      expect((await union.query(CREATE, { input: mediationInput(caseNo!, appliedOn!) })).body.errors).toBeUndefined();
    }
    const contract = `mutation ($input: CreateCollectiveContractInput!) { createCollectiveContract(input: $input) { contractNo } }`;
    expect((await union.query(contract, { input: CONTRACT_INPUT })).body.errors).toBeUndefined();
  }, 120_000);

  it('links aid and consultations to the worker, the enterprise and the union covering it', async () => {
    const aid = await union.query(`mutation ($input: CreateHardshipAidInput!) { createHardshipAid(input: $input) { aidNo amount } }`, {
      input: {
        aidNo: 'BF-T-9001',
        recipient: WORKER,
        enterpriseCreditCode: ENTERPRISE,
        kind: 'MEDICAL',
        amount: '3000',
        grantedOn: '2026-10-01',
        reason: '住院治疗',
      },
    });
    expect(aid.body.data.createHardshipAid).toEqual({ aidNo: 'BF-T-9001', amount: '3000.00' });
    const consult = `mutation ($input: CreateLegalConsultationInput!) { createLegalConsultation(input: $input) { consultationNo referredToLegalAid } }`;
    const base = {
      consultationNo: 'ZX-T-9001',
      channel: 'HOTLINE',
      topic: '加班费',
      answerSummary: '可申请调解',
      consultedOn: '2026-09-20',
    };
    const nobody = await union.query(consult, { input: base });
    expect(nobody.body.errors?.[0]?.extensions).toMatchObject({
      field: 'enterpriseCreditCode',
      rule: 'is required when no worker is named',
    });
    await union.query(consult, { input: { ...base, worker: WORKER, disputeNo: 'LD-UN-2026-900001' } });
    const org = `mutation ($input: CreateUnionOrganizationInput!) { createUnionOrganization(input: $input) { name } }`;
    const orgInput = {
      name: '测试联合工会',
      kind: 'JOINT',
      enterpriseCreditCodes: [ENTERPRISE],
      district: '核心区',
      foundedOn: '2020-05-01',
      chairName: '钱七',
      memberCount: 80,
    };
    await union.query(org, { input: orgInput });
    const twice = await union.query(org, { input: { ...orgInput, name: '另一工会' } });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({
      field: 'enterpriseCreditCodes',
      rule: `names ${ENTERPRISE}, already covered by 测试联合工会`,
    });

    const { body } = await union.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Enterprise { unionOrganization { name } hardshipAids { aidNo } legalConsultations { consultationNo } collectiveContracts { contractNo } }
      ... on Worker { hardshipAids { aidNo } legalConsultations { consultationNo } mediationCases { caseNo } }
      ... on Dispute { legalConsultations { consultationNo } } } }`,
      {
        r: [
          { __typename: 'Enterprise', creditCode: ENTERPRISE },
          { __typename: 'Worker', personRef: personRefOf(WORKER.idNumber, TEST_LINKAGE_KEY) },
          { __typename: 'Dispute', disputeNo: 'LD-UN-2026-900001' },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0]).toEqual({
      unionOrganization: { name: '测试联合工会' },
      hardshipAids: [{ aidNo: 'BF-T-9001' }],
      legalConsultations: [],
      collectiveContracts: [{ contractNo: 'HT-T-9001' }],
    });
    expect(body.data._entities[1].hardshipAids).toEqual([{ aidNo: 'BF-T-9001' }]);
    expect(body.data._entities[1].legalConsultations).toEqual([{ consultationNo: 'ZX-T-9001' }]);
    // Newest first: today's case, then 10-05, 10-01 and 09-01.
    expect(body.data._entities[1].mediationCases.map((c: { caseNo: string }) => c.caseNo.slice(-6))).toEqual([
      '第9102号',
      '第9105号',
      '第9104号',
      '第9101号',
    ]);
    expect(body.data._entities[2]).toEqual({ legalConsultations: [{ consultationNo: 'ZX-T-9001' }] });
  });
});
