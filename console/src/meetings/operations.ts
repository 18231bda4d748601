import { graphql } from '../graphql/generated';

/**
 * One joint meeting with its merged view: per agenda item, what each department knows of its enterprise
 * or dispute (cases with their legal deadlines, notices), then the decisions and their follow-ups. The
 * lists are capped so that the operation stays within every staff role's cost budget.
 */
export const JointMeetingView = graphql(`
  query JointMeetingView($id: ID!) {
    jointMeeting(id: $id) {
      id
      version
      kind
      scheduledAt
      place
      status
      startedAt
      closedAt
      convenedBy
      participatingDepartments
      participants {
        name
        department
        role
      }
      minutes
      agenda(first: 30) {
        id
        position
        subjectKind
        enterpriseCreditCode
        disputeNo
        topic
        raisedBy
        reason
        enterprise {
          creditCode
          name
          district
          employeeCount
          inspections(first: 10) {
            inspectionNo
            status
            rectificationDueOn
            overdue
          }
          wageArrearsAlerts(first: 10) {
            alertNo
            project
            level
            amountOwed
            workersAffected
            open
          }
          layoffReports(first: 10) {
            reportNo
            plannedCount
            effectiveOn
            placementPlan
          }
          arbitrationCases(first: 10) {
            ...AgendaArbitrationCase
          }
          unionOrganization {
            name
          }
          collectiveContracts(first: 5) {
            kind
            expiresOn
            inForce
          }
          mediationCases(first: 10) {
            ...AgendaMediationCase
          }
          lawsuits(first: 10) {
            ...AgendaLawsuit
          }
          enforcementCases(first: 10) {
            ...AgendaEnforcementCase
          }
          legalAidCases(first: 10) {
            ...AgendaLegalAidCase
          }
          peopleMediationCases(first: 10) {
            ...AgendaPeopleMediationCase
          }
          notices(first: 10) {
            ...AgendaNotice
          }
        }
        dispute {
          disputeNo
          arbitrationCases(first: 10) {
            ...AgendaArbitrationCase
          }
          mediationCases(first: 10) {
            ...AgendaMediationCase
          }
          lawsuits(first: 10) {
            ...AgendaLawsuit
          }
          enforcementCases(first: 10) {
            ...AgendaEnforcementCase
          }
          legalAidCases(first: 10) {
            ...AgendaLegalAidCase
          }
          peopleMediationCases(first: 10) {
            ...AgendaPeopleMediationCase
          }
          notices(first: 10) {
            ...AgendaNotice
          }
        }
      }
      decisions(first: 100) {
        id
        leadDepartment
        participatingDepartments
        dueOn
        status
        summary
        overdue
        followUps(first: 20) {
          id
          on
          by
          note
          result
        }
      }
    }
  }

  fragment AgendaArbitrationCase on ArbitrationCase {
    caseNo
    status
    claimAmount
    dueOn
    overdue
  }

  fragment AgendaMediationCase on MediationCase {
    caseNo
    status
    mediator
    dueOn
    overdue
  }

  fragment AgendaLawsuit on Lawsuit {
    caseNo
    stage
    dueOn
    overdue
  }

  fragment AgendaEnforcementCase on EnforcementCase {
    caseNo
    status
    amount
    recoveredAmount
    dueOn
    overdue
  }

  fragment AgendaLegalAidCase on LegalAidCase {
    caseNo
    status
    lawyer
    decisionDueOn
    overdue
  }

  fragment AgendaPeopleMediationCase on PeopleMediationCase {
    caseNo
    status
    dueOn
    overdue
  }

  fragment AgendaNotice on Notice {
    kind
    severity
    sender
    recipient
    status
    dueOn
    overdue
  }
`);

export const ScheduleJointMeeting = graphql(`
  mutation ScheduleJointMeeting($input: ScheduleJointMeetingInput!) {
    scheduleJointMeeting(input: $input) {
      ...MeetingVersion
    }
  }

  fragment MeetingVersion on JointMeeting {
    id
    version
  }
`);

export const AddAgendaItem = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      ...MeetingVersion
    }
  }
`);

export const RemoveAgendaItem = graphql(`
  mutation RemoveAgendaItem($input: RemoveAgendaItemInput!) {
    removeAgendaItem(input: $input) {
      ...MeetingVersion
    }
  }
`);

export const StartJointMeeting = graphql(`
  mutation StartJointMeeting($input: JointMeetingVersionInput!) {
    startJointMeeting(input: $input) {
      ...MeetingVersion
    }
  }
`);

export const RecordDecision = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      ...MeetingVersion
    }
  }
`);

export const RecordFollowUp = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      ...MeetingVersion
    }
  }
`);

export const CloseJointMeeting = graphql(`
  mutation CloseJointMeeting($input: CloseJointMeetingInput!) {
    closeJointMeeting(input: $input) {
      ...MeetingVersion
    }
  }
`);

/** An agenda item's enterprise, found by name or by credit code: each answer is an `EnterpriseChoice`. */
export const FindEnterprises = graphql(`
  query FindEnterprises($name: String) {
    enterprises(first: 10, name: $name) {
      nodes {
        ...EnterpriseChoice
      }
    }
  }

  fragment EnterpriseChoice on Enterprise {
    creditCode
    name
    district
  }
`);

export const FindEnterprise = graphql(`
  query FindEnterprise($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      ...EnterpriseChoice
    }
  }
`);

export const FindDispute = graphql(`
  query FindDispute($disputeNo: String!) {
    dispute(disputeNo: $disputeNo) {
      disputeNo
      arbitrationCases(first: 3) {
        caseNo
      }
      mediationCases(first: 3) {
        caseNo
      }
      lawsuits(first: 3) {
        caseNo
      }
    }
  }
`);
