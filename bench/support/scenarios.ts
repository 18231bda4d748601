import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/shared/demo';
import type { RunningStack } from '../../test/support/stack';
import { testToken } from '../../test/support/tokens';
import type { Scenario } from './measure';

const bearer = (department: Department, role: Role) => `Bearer ${testToken({ department, roles: [role], ttlSeconds: 3600 })}`;

/** One enterprise as the joint meeting sees it: the file and every department's cases about it. */
export const ENTERPRISE_DOSSIER = /* GraphQL */ `
  query EnterpriseDossier($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      name district employeeCount ownership
      inspections { inspectionNo kind status inspectedOn }
      wageArrearsAlerts { alertNo level project amountOwed workersAffected open }
      layoffReports { reportNo plannedCount effectiveOn placementPlan }
      arbitrationCases { caseNo status dueOn overdue applicants { name } }
      unionOrganization { name memberCount }
      collectiveContracts { kind inForce expiresOn }
      mediationCases { caseNo status dueOn overdue workers { name } }
      lawsuits { caseNo stage judgmentOn }
      enforcementCases { caseNo status amount }
      legalAidCases { caseNo status eligibilityBasis }
      peopleMediationCases { caseNo status }
    }
  }
`;

export async function SCENARIOS_AT_SCALE_1(_stack: RunningStack): Promise<Scenario[]> {
  return [
    {
      name: 'enterprise dossier (UNION COORDINATOR)',
      query: ENTERPRISE_DOSSIER,
      variables: { creditCode: STORY_ENTERPRISES.constructionArrears },
      authorization: bearer(Department.UNION, Role.COORDINATOR),
    },
  ];
}

export async function SCENARIOS_AT_LARGE_SCALE(_stack: RunningStack): Promise<Scenario[]> {
  return [
    {
      name: 'enterprise dossier (UNION COORDINATOR)',
      query: ENTERPRISE_DOSSIER,
      variables: { creditCode: STORY_ENTERPRISES.constructionArrears },
      authorization: bearer(Department.UNION, Role.COORDINATOR),
    },
  ];
}
