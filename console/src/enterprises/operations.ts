import { graphql } from '../graphql/generated';
import type { EnterpriseFileQuery } from '../graphql/generated/graphql';

/** Every list of the file is asked without `first`: the gateway returns at most this many of each. */
export const LIST_LIMIT = 50;

export const EnterpriseFile = graphql(`
  query EnterpriseFile($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode
      name
      industry
      district
      address
      ownership
      employeeCount
      registeredOn
      wageArrearsAlerts {
        alertNo
        project
        level
        amountOwed
        workersAffected
        raisedOn
        resolvedOn
        open
      }
      layoffReports {
        reportNo
        plannedCount
        reportedOn
        effectiveOn
        meetsNoticePeriod
        placementPlan
      }
      inspections {
        inspectionNo
        kind
        inspectedOn
        violationFound
        rectificationDueOn
        overdue
        closedOn
        status
      }
      arbitrationCases {
        caseNo
        disputeNo
        applicants {
          name
        }
        claimAmount
        filedOn
        status
        outcome
        dueOn
        overdue
        suitDueOn
        closedOn
      }
      unionOrganization {
        name
        kind
        memberCount
        foundedOn
        chairName
      }
      collectiveContracts {
        contractNo
        kind
        effectiveOn
        expiresOn
        coveredWorkers
        inForce
      }
      mediationCases {
        caseNo
        disputeNo
        workers {
          name
        }
        mediator
        appliedOn
        status
        outcome
        dueOn
        overdue
        closedOn
      }
      hardshipAids {
        aidNo
        recipient {
          name
        }
        kind
        amount
        grantedOn
      }
      lawsuits {
        caseNo
        disputeNo
        plaintiffs {
          name
        }
        cause
        filedOn
        stage
        outcome
        judgmentOn
        sealed
        dueOn
        overdue
      }
      enforcementCases {
        caseNo
        disputeNo
        amount
        recoveredAmount
        filedOn
        closedOn
        status
        dueOn
        overdue
      }
      judicialConfirmations {
        caseNo
        disputeNo
        appliedOn
        decidedOn
        status
        dueOn
        overdue
      }
      judicialSuggestions {
        suggestionNo
        subject
        recipientDepartment
        issuedOn
        repliedOn
        dueOn
        overdue
      }
      legalAidCases {
        caseNo
        disputeNo
        applicant {
          name
        }
        eligibilityBasis
        lawyer
        appliedOn
        grantedOn
        status
        decisionDueOn
        overdue
      }
      peopleMediationCases {
        caseNo
        disputeNo
        parties {
          name
        }
        committee {
          name
        }
        appliedOn
        closedOn
        status
        outcome
        dueOn
        overdue
      }
    }
  }
`);

/** One enterprise's file as the query answers it. */
export type File = NonNullable<EnterpriseFileQuery['enterprise']>;
