import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import type { RunningStack } from '@labour/testing/stack';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { testToken } from '@labour/testing/tokens';
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

/** The planned joint meeting's merged view: per agenda item, what all four departments know. */
export const MEETING_VIEW = /* GraphQL */ `
  query MeetingView($id: ID!) {
    jointMeeting(id: $id) {
      status scheduledAt place participants { name department role }
      agenda {
        position raisedBy reason topic
        enterprise {
          name employeeCount
          inspections { inspectionNo status rectificationDueOn }
          wageArrearsAlerts { project level amountOwed open }
          layoffReports { plannedCount effectiveOn placementPlan }
          arbitrationCases { caseNo status dueOn overdue }
          unionOrganization { name }
          collectiveContracts { inForce expiresOn }
          mediationCases { caseNo status dueOn overdue }
          lawsuits { caseNo stage }
          enforcementCases { caseNo status amount }
          legalAidCases { caseNo status eligibilityBasis }
          peopleMediationCases { caseNo status dueOn overdue }
          notices { kind status overdue }
        }
        dispute {
          disputeNo
          mediationCases { caseNo dueOn overdue outcome }
          arbitrationCases { caseNo status dueOn overdue }
          lawsuits { caseNo stage dueOn overdue }
          legalAidCases { caseNo status decisionDueOn overdue }
          notices { kind status overdue }
        }
      }
      decisions { summary leadDepartment dueOn status overdue }
    }
  }
`;

/** The next meeting's agenda suggestions, ranked from all four departments' risk signals. */
export const SUGGESTED_AGENDA = /* GraphQL */ `
  query SuggestedAgenda($asOf: Date) {
    suggestedAgenda(limit: 20, asOf: $asOf) {
      asOf missingSources
      items { enterprise { creditCode name district } score signals { source kind weight detail } }
    }
  }
`;

/** Every enterprise of the labour bureau's file, in credit-code order. */
async function enterpriseCodes(stack: RunningStack): Promise<string[]> {
  const rows = await stack.subgraphs
    .get('hr-bureau')!
    .subgraph.orm.em.fork()
    .execute<Array<{ credit_code: string }>>('select credit_code from enterprise order by credit_code');
  return rows.map((row) => row.credit_code);
}

/**
 * The dossier with a different enterprise each request, stepping through the whole file by a large prime
 * so the requests spread over all of it (no cache or buffer warmed by the previous request's enterprise).
 */
async function rotatingDossier(stack: RunningStack, scale: number): Promise<Scenario> {
  const codes = await enterpriseCodes(stack);
  return {
    name: `dossier ×${scale}, other enterprise each`,
    query: ENTERPRISE_DOSSIER,
    variablesFor: (i) => ({ creditCode: codes[(i * 7919) % codes.length]! }),
    authorization: bearer(Department.UNION, Role.COORDINATOR),
    // Some enterprises' cases lie outside what a channel grants the union (e.g. an enforcement's amount): FORBIDDEN there.
    errorsExpected: true,
  };
}

export async function SCENARIOS_AT_SCALE_1(stack: RunningStack): Promise<Scenario[]> {
  return [
    {
      name: 'enterprise dossier (UNION COORDINATOR)',
      query: ENTERPRISE_DOSSIER,
      variables: { creditCode: STORY_ENTERPRISES.constructionArrears },
      authorization: bearer(Department.UNION, Role.COORDINATOR),
    },
    await rotatingDossier(stack, 1),
    {
      name: 'joint meeting merged view (UNION COORDINATOR)',
      query: MEETING_VIEW,
      variables: { id: DEMO_MEETING_IDS.planned },
      authorization: bearer(Department.UNION, Role.COORDINATOR),
    },
    {
      name: 'joint meeting merged view (COURT CASEWORKER)',
      query: MEETING_VIEW,
      variables: { id: DEMO_MEETING_IDS.planned },
      authorization: bearer(Department.COURT, Role.CASEWORKER),
      errorsExpected: true,
    },
  ];
}

export async function SCENARIOS_AT_LARGE_SCALE(stack: RunningStack, scale: number): Promise<Scenario[]> {
  return [
    await rotatingDossier(stack, scale),
    {
      name: 'suggestedAgenda(limit: 20) (UNION COORDINATOR)',
      query: SUGGESTED_AGENDA,
      variables: { asOf: TEST_AS_OF },
      authorization: bearer(Department.UNION, Role.COORDINATOR),
    },
  ];
}
