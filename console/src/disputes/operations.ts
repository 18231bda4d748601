import { graphql } from '../graphql/generated';

/**
 * The cases of each list of the dispute, each read by its `…AsStage` fragment: what the timeline shows
 * of a stage, and what an enterprise's file (enterprises/operations.ts) reads of the same cases.
 */
export const DisputeTimeline = graphql(`
  query DisputeTimeline($disputeNo: String!) {
    dispute(disputeNo: $disputeNo) {
      disputeNo
      mediationCases {
        ...MediationCaseAsStage
        enterprise {
          creditCode
          name
        }
      }
      legalConsultations {
        consultationNo
        worker {
          name
        }
        channel
        consultedOn
        referredToLegalAid
      }
      peopleMediationCases {
        ...PeopleMediationCaseAsStage
        enterprise {
          creditCode
          name
        }
      }
      legalAidCases {
        ...LegalAidCaseAsStage
        enterprise {
          creditCode
          name
        }
      }
      arbitrationCases {
        ...ArbitrationCaseAsStage
        respondent {
          creditCode
          name
        }
      }
      judicialConfirmations {
        ...JudicialConfirmationAsStage
        applicants {
          name
        }
      }
      lawsuits {
        ...LawsuitAsStage
        defendants {
          creditCode
          name
        }
      }
      enforcementCases {
        ...EnforcementCaseAsStage
        applicant {
          name
        }
      }
    }
  }

  fragment MediationCaseAsStage on MediationCase {
    caseNo
    workers {
      name
    }
    appliedOn
    closedOn
    status
    outcome
    dueOn
    overdue
  }

  fragment PeopleMediationCaseAsStage on PeopleMediationCase {
    caseNo
    parties {
      name
    }
    appliedOn
    closedOn
    status
    outcome
    dueOn
    overdue
  }

  fragment LegalAidCaseAsStage on LegalAidCase {
    caseNo
    applicant {
      name
    }
    eligibilityBasis
    appliedOn
    grantedOn
    status
    decisionDueOn
    overdue
  }

  fragment ArbitrationCaseAsStage on ArbitrationCase {
    caseNo
    applicants {
      name
    }
    claimAmount
    filedOn
    closedOn
    status
    outcome
    dueOn
    overdue
    suitDueOn
  }

  fragment JudicialConfirmationAsStage on JudicialConfirmation {
    caseNo
    appliedOn
    decidedOn
    status
    dueOn
    overdue
  }

  fragment LawsuitAsStage on Lawsuit {
    caseNo
    plaintiffs {
      name
    }
    filedOn
    judgmentOn
    stage
    outcome
    dueOn
    overdue
  }

  fragment EnforcementCaseAsStage on EnforcementCase {
    caseNo
    amount
    filedOn
    closedOn
    status
    dueOn
    overdue
  }
`);
