import type { RunningSubgraph } from '@labour/testing/subgraph-harness';

/** Valid identifiers and inputs for the justice integration tests (USCC and ID check characters computed). */
export const CREDIT_CODE = '91110302MA01ABCD12';
export const OTHER_CREDIT_CODE = '91110302MA01ABCD25';
export const ZHANG = { idNumber: '110105199003071239', name: '张三' };
export const LI = { idNumber: '110105198506152343', name: '李四' };

const CREATE_COMMITTEE = /* GraphQL */ `
  mutation ($input: CreatePeopleMediationCommitteeInput!) {
    createPeopleMediationCommittee(input: $input) { code level version enterprise { creditCode } }
  }
`;

export const CREATE_LEGAL_AID = /* GraphQL */ `
  mutation ($input: CreateLegalAidCaseInput!) {
    createLegalAidCase(input: $input) {
      caseNo disputeNo status version eligibilityBasis hardshipEvidence lawyer appliedOn grantedOn decisionDueOn
      applicant { name idNumber personRef } enterprise { creditCode }
    }
  }
`;

export const CREATE_PEOPLE_MEDIATION = /* GraphQL */ `
  mutation ($input: CreatePeopleMediationCaseInput!) {
    createPeopleMediationCase(input: $input) {
      caseNo status version appliedOn dueOn closedOn outcome committee { code } parties { name personRef } enterprise { creditCode }
    }
  }
`;

export function legalAidInput(overrides: Record<string, unknown> = {}) {
  return {
    caseNo: '京开法援〔2026〕第0001号',
    disputeNo: 'LD-JU-2026-000001',
    applicant: ZHANG,
    enterpriseCreditCode: CREDIT_CODE,
    eligibilityBasis: 'ECONOMIC_HARDSHIP',
    appliedOn: '2026-03-02',
    hardshipEvidence: '低保证明（街道出具）',
    ...overrides,
  };
}

export function peopleMediationInput(overrides: Record<string, unknown> = {}) {
  return {
    caseNo: '京开人调〔2026〕第0001号',
    disputeNo: 'LD-JU-2026-000002',
    committeeCode: 'PMC-E-0001',
    parties: [ZHANG, LI],
    enterpriseCreditCode: CREDIT_CODE,
    summary: '张三、李四与某公司因拖欠工资发生纠纷。',
    appliedOn: '2026-01-25',
    ...overrides,
  };
}

const ENTERPRISE_COMMITTEE = {
  code: 'PMC-E-0001',
  name: '某电子有限公司人民调解委员会',
  level: 'ENTERPRISE',
  district: '经开区',
  enterpriseCreditCode: CREDIT_CODE,
  mediatorCount: 2,
  establishedOn: '2015-03-01',
};

/** Registers ENTERPRISE_COMMITTEE, the committee of CREDIT_CODE, and checks the answer. */
export async function createEnterpriseCommittee(running: RunningSubgraph): Promise<void> {
  const created = await running.query(CREATE_COMMITTEE, { input: ENTERPRISE_COMMITTEE });
  expect(created.body).toEqual({
    data: {
      createPeopleMediationCommittee: { code: 'PMC-E-0001', level: 'ENTERPRISE', version: 1, enterprise: { creditCode: CREDIT_CODE } },
    },
  });
}

export const LOOKUP_AID = /* GraphQL */ `query ($caseNo: String!) { legalAidCase(caseNo: $caseNo) { caseNo status version lawyer grantedOn } }`;
export const LOOKUP_MEDIATION = /* GraphQL */ `query ($caseNo: String!) { peopleMediationCase(caseNo: $caseNo) { caseNo status version closedOn outcome } }`;
/** A mutation taking one versioned input and returning the given fields. */
export const versioned = (mutation: string, inputType: string, fields = 'status version') =>
  `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`;

/** The first error's code, field and rule. */
export function violation(response: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) {
  const extensions = response.body.errors?.[0]?.extensions ?? {};
  return { code: extensions['code'], field: extensions['field'], rule: extensions['rule'] };
}
