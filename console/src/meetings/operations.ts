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
            caseNo
            status
            claimAmount
            dueOn
            overdue
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
            caseNo
            status
            mediator
            dueOn
            overdue
          }
          lawsuits(first: 10) {
            caseNo
            stage
            dueOn
            overdue
          }
          enforcementCases(first: 10) {
            caseNo
            status
            amount
            recoveredAmount
            dueOn
            overdue
          }
          legalAidCases(first: 10) {
            caseNo
            status
            lawyer
            decisionDueOn
            overdue
          }
          peopleMediationCases(first: 10) {
            caseNo
            status
            dueOn
            overdue
          }
          notices(first: 10) {
            kind
            severity
            sender
            recipient
            status
            dueOn
            overdue
          }
        }
        dispute {
          disputeNo
          arbitrationCases(first: 10) {
            caseNo
            status
            claimAmount
            dueOn
            overdue
          }
          mediationCases(first: 10) {
            caseNo
            status
            mediator
            dueOn
            overdue
          }
          lawsuits(first: 10) {
            caseNo
            stage
            dueOn
            overdue
          }
          enforcementCases(first: 10) {
            caseNo
            status
            amount
            recoveredAmount
            dueOn
            overdue
          }
          legalAidCases(first: 10) {
            caseNo
            status
            lawyer
            decisionDueOn
            overdue
          }
          peopleMediationCases(first: 10) {
            caseNo
            status
            dueOn
            overdue
          }
          notices(first: 10) {
            kind
            severity
            sender
            recipient
            status
            dueOn
            overdue
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
`);

export const ScheduleJointMeeting = graphql(`
  mutation ScheduleJointMeeting($input: ScheduleJointMeetingInput!) {
    scheduleJointMeeting(input: $input) {
      id
      version
    }
  }
`);

export const AddAgendaItem = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      id
      version
    }
  }
`);

export const RemoveAgendaItem = graphql(`
  mutation RemoveAgendaItem($input: RemoveAgendaItemInput!) {
    removeAgendaItem(input: $input) {
      id
      version
    }
  }
`);

export const StartJointMeeting = graphql(`
  mutation StartJointMeeting($input: JointMeetingVersionInput!) {
    startJointMeeting(input: $input) {
      id
      version
    }
  }
`);

export const RecordDecision = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      version
    }
  }
`);

export const RecordFollowUp = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
      version
    }
  }
`);

export const CloseJointMeeting = graphql(`
  mutation CloseJointMeeting($input: CloseJointMeetingInput!) {
    closeJointMeeting(input: $input) {
      id
      version
    }
  }
`);

export const FindEnterprises = graphql(`
  query FindEnterprises($name: String) {
    enterprises(first: 10, name: $name) {
      nodes {
        creditCode
        name
        district
      }
    }
  }
`);

export const FindEnterprise = graphql(`
  query FindEnterprise($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode
      name
      district
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
