import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  equalConditions,
  pastDueCondition,
  recordList,
  Department,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  dateRangeConditions,
  insertOrConflict,
  personRefsOf,
  toParty,
  changeVersioned,
  type TransitionTable,
} from '@labour/shared';
import { confirmationDueOn } from '../legal-clock/court-deadlines';
import { ConfirmationStatus, JudicialConfirmation } from './judicial-confirmation.entity';
import { CONFIRMATION_FILTER_FIELDS, type JudicialConfirmationFilter } from './judicial-confirmation-list.input';
import type {
  CreateJudicialConfirmationInput,
  DecideJudicialConfirmationInput,
  UpdateJudicialConfirmationInput,
} from './judicial-confirmation.input';

const { APPLIED, CONFIRMED, REFUSED } = ConfirmationStatus;
const CONFIRMATION_TRANSITIONS: TransitionTable<ConfirmationStatus> = {
  [APPLIED]: [CONFIRMED, REFUSED],
  [CONFIRMED]: [],
  [REFUSED]: [],
};

export async function createJudicialConfirmation(
  em: EntityManager,
  input: CreateJudicialConfirmationInput,
  linkageKey: Buffer,
): Promise<JudicialConfirmation> {
  const applicants = input.applicants.map((party) => toParty(party, linkageKey));
  const created = em.create(JudicialConfirmation, {
    ...input,
    applicants,
    applicantRefs: personRefsOf(applicants),
    status: APPLIED,
    dueOn: confirmationDueOn(input.appliedOn),
  });
  return insertOrConflict(em, created, 'A judicial confirmation');
}

export function updateJudicialConfirmation(em: EntityManager, input: UpdateJudicialConfirmationInput, linkageKey: Buffer) {
  return changeVersioned(em, JudicialConfirmation, 'caseNo', input, (found) => {
    if (found.status !== APPLIED) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is ${found.status}: a decided application cannot change` });
    }
    if (input.applicants != null) {
      found.applicants = input.applicants.map((party) => toParty(party, linkageKey));
      found.applicantRefs = personRefsOf(found.applicants);
    }
    if (input.enterpriseCreditCode != null) found.enterpriseCreditCode = input.enterpriseCreditCode;
  });
}

export function decideJudicialConfirmation(em: EntityManager, input: DecideJudicialConfirmationInput) {
  return changeVersioned(em, JudicialConfirmation, 'caseNo', input, (found) => {
    assertTransition(CONFIRMATION_TRANSITIONS, found.status, input.status);
    assertNotBefore(input.decidedOn, found.appliedOn, 'decidedOn', 'the application date');
    found.status = input.status;
    found.decidedOn = input.decidedOn;
    found.dueOn = null;
  });
}

/**
 * The list of judicial confirmations, newest application first: every filter as SQL.
 * Overdue is what the `overdue` field says, against the request's day: a deadline (dueOn, kept only while
 * APPLIED) before it.
 */
export const JUDICIAL_CONFIRMATION_LIST = recordList(JudicialConfirmation, Department.COURT, {
  order: { date: 'appliedOn', key: 'caseNo' },
  filterFields: CONFIRMATION_FILTER_FIELDS,
  conditions: (filter: JudicialConfirmationFilter, today: string) => [
    ...anyOfConditions(filter, { status: 'status', disputeNos: 'disputeNo' }),
    ...dateRangeConditions(filter, ['appliedOn', 'decidedOn', 'dueOn']),
    ...pastDueCondition('dueOn', filter.overdue, today),
    ...equalConditions(filter, { enterprise: 'enterpriseCreditCode', mediationCaseNo: 'mediationCaseNo' }),
  ],
});
