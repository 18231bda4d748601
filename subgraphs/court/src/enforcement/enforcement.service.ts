import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  atLeastConditions,
  equalConditions,
  pastDueCondition,
  recordList,
  Department,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  insertOrConflict,
  toParty,
  type TransitionTable,
} from '@labour/shared';
import Decimal from 'decimal.js';
import { enforcementDueOn } from '../legal-clock/court-deadlines';
import { EnforcementCase, EnforcementStatus } from './enforcement-case.entity';
import type { CloseEnforcementCaseInput, CreateEnforcementCaseInput, UpdateEnforcementCaseInput } from './enforcement.input';
import { ENFORCEMENT_FILTER_FIELDS, type EnforcementCaseFilter } from './enforcement-list.input';

const { OPEN, CONCLUDED, TERMINATED_NO_ASSETS } = EnforcementStatus;
const ENFORCEMENT_TRANSITIONS: TransitionTable<EnforcementStatus> = {
  [OPEN]: [CONCLUDED, TERMINATED_NO_ASSETS],
  [CONCLUDED]: [],
  [TERMINATED_NO_ASSETS]: [],
};

export async function createEnforcementCase(
  em: EntityManager,
  input: CreateEnforcementCaseInput,
  linkageKey: Buffer,
): Promise<EnforcementCase> {
  const applicant = toParty(input.applicant, linkageKey);
  const created = em.create(EnforcementCase, {
    ...input,
    applicant,
    applicantRef: applicant.personRef,
    recoveredAmount: input.recoveredAmount ?? '0.00',
    status: OPEN,
    dueOn: enforcementDueOn(input.filedOn),
  });
  return insertOrConflict(em, created, 'An enforcement case');
}

/** Money is compared as exact decimals: a recovered amount may equal the amount, never exceed it. */
function assertRecoveredWithin(recovered: string, amount: string): void {
  if (new Decimal(recovered).greaterThan(amount)) {
    throw new BadUserInputError({ field: 'recoveredAmount', rule: `must not be more than amount (${amount})` });
  }
}

export function updateEnforcementCase(em: EntityManager, input: UpdateEnforcementCaseInput) {
  return changeVersioned(em, EnforcementCase, 'caseNo', input, (found) => {
    if (found.status !== OPEN) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is ${found.status}: a closed enforcement case cannot change` });
    }
    const amount = input.amount ?? found.amount;
    const recovered = input.recoveredAmount ?? found.recoveredAmount;
    assertRecoveredWithin(recovered, amount);
    found.amount = amount;
    found.recoveredAmount = recovered;
  });
}

export function closeEnforcementCase(em: EntityManager, input: CloseEnforcementCaseInput) {
  return changeVersioned(em, EnforcementCase, 'caseNo', input, (found) => {
    assertTransition(ENFORCEMENT_TRANSITIONS, found.status, input.status);
    assertNotBefore(input.closedOn, found.filedOn, 'closedOn', 'the filing date');
    if (input.recoveredAmount != null) {
      assertRecoveredWithin(input.recoveredAmount, found.amount);
      found.recoveredAmount = input.recoveredAmount;
    }
    found.status = input.status;
    found.closedOn = input.closedOn;
    found.dueOn = null;
  });
}

/**
 * The list of enforcement cases, newest filed first: every filter as SQL. Overdue is what
 * the `overdue` field says, against the request's day: a deadline (dueOn, kept only while OPEN) before it.
 */
export const ENFORCEMENT_CASE_LIST = recordList(EnforcementCase, Department.COURT, {
  order: { date: 'filedOn', key: 'caseNo' },
  filterFields: ENFORCEMENT_FILTER_FIELDS,
  conditions: (filter: EnforcementCaseFilter, today: string) => [
    ...anyOfConditions(filter, { status: 'status', disputeNos: 'disputeNo' }),
    ...dateRangeConditions(filter, ['filedOn', 'closedOn', 'dueOn']),
    ...pastDueCondition('dueOn', filter.overdue, today),
    ...equalConditions(filter, { enterprise: 'respondentCreditCode', sourceCaseNo: 'sourceCaseNo' }),
    // Compared as numeric in SQL: exact, as the column.
    ...atLeastConditions(filter, { amountAtLeast: 'amount' }),
  ],
});
