import { personRefOf } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from './definition';
import {
  CREATE_LEGAL_AID,
  CREATE_PEOPLE_MEDIATION,
  CREDIT_CODE,
  createEnterpriseCommittee,
  legalAidInput,
  LI,
  peopleMediationInput,
} from './justice.fixtures';

const liRef = personRefOf(LI.idNumber, TEST_LINKAGE_KEY);

// The records the references resolve to: two legal-aid cases (one of Li's) and a people's mediation case, all of one enterprise.
const running = useSubgraph(justiceSubgraph, {}, 60_000);
beforeAll(async () => {
  await createEnterpriseCommittee(running);
  for (const [mutation, input] of [
    [CREATE_LEGAL_AID, legalAidInput()],
    [
      CREATE_LEGAL_AID,
      legalAidInput({ caseNo: '京开法援〔2026〕第0004号', eligibilityBasis: 'MIGRANT_WAGE_CLAIM', applicant: LI, hardshipEvidence: null }),
    ],
    [CREATE_PEOPLE_MEDIATION, peopleMediationInput()],
  ] as const) {
    expect((await running.query(mutation, { input })).body.errors).toBeUndefined();
  }
}, 60_000);

describe("people's mediation (人民调解)", () => {
  it('lists the new cases on the worker, the enterprise and the dispute through _entities', async () => {
    const response = await running.query(
      /* GraphQL */ `
      query ($reps: [_Any!]!) {
        _entities(representations: $reps) {
          ... on Worker { legalAidCases { caseNo } peopleMediationCases { caseNo } }
          ... on Enterprise { legalAidCases { caseNo } peopleMediationCommittees { code } }
          ... on Dispute { peopleMediationCases { caseNo committee { code } } }
        }
      }`,
      {
        reps: [
          { __typename: 'Worker', personRef: liRef },
          { __typename: 'Enterprise', creditCode: CREDIT_CODE },
          { __typename: 'Dispute', disputeNo: 'LD-JU-2026-000002' },
        ],
      },
    );
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
