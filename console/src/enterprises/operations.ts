import { graphql } from '../graphql/generated';
import type { EnterpriseFileQuery } from '../graphql/generated/graphql';

/** Every list of the file is asked without `first`: the gateway returns at most this many of each. */
export const LIST_LIMIT = 50;

/** A case list reads what a dispute's timeline shows of the case (its `…AsStage` fragment, disputes/operations.ts) and the file's own columns. */
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
        ...ArbitrationCaseAsStage
        disputeNo
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
        ...MediationCaseAsStage
        disputeNo
        mediator
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
        ...LawsuitAsStage
        disputeNo
        cause
        sealed
      }
      enforcementCases {
        ...EnforcementCaseAsStage
        disputeNo
        recoveredAmount
      }
      judicialConfirmations {
        ...JudicialConfirmationAsStage
        disputeNo
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
        ...LegalAidCaseAsStage
        disputeNo
        lawyer
      }
      peopleMediationCases {
        ...PeopleMediationCaseAsStage
        disputeNo
        committee {
          name
        }
      }
    }
  }
`);

/** One enterprise's file as the query answers it. */
export type File = NonNullable<EnterpriseFileQuery['enterprise']>;
