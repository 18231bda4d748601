import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  atLeastConditions,
  equalConditions,
  pastDueCondition,
  dateRangeConditions,
  arbitrationAcceptanceDueOn,
  assertNotBefore,
  arbitrationAwardDueOn,
  assertTransition,
  BadUserInputError,
  insertOrConflict,
  LEGAL_PERIODS,
  personRefsOf,
  sameNamedFields,
  toParty,
  changeVersioned,
  type TransitionTable,
} from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseRecordList } from '../lists/list-filters';
import { ArbitrationCase, ArbitrationOutcome, ArbitrationStatus } from './arbitration-case.entity';
import type {
  ArbitrationCaseFilter,
  ArbitrationCaseVersionInput,
  ArbitrationDecisionInput,
  CloseArbitrationCaseInput,
  CreateArbitrationCaseInput,
  UpdateArbitrationCaseInput,
} from './arbitration.input';

const { FILED, ACCEPTED, DECLINED, CLOSED } = ArbitrationStatus;

/** The arbitration process: a filed application is accepted or declined; an accepted case is closed. */
const ARBITRATION_TRANSITIONS: TransitionTable<ArbitrationStatus> = {
  [FILED]: [ACCEPTED, DECLINED],
  [ACCEPTED]: [CLOSED],
  [DECLINED]: [],
  [CLOSED]: [],
};

export async function createArbitrationCase(
  em: EntityManager,
  input: CreateArbitrationCaseInput,
  linkageKey: Buffer,
): Promise<ArbitrationCase> {
  const respondent = await requireEnterprise(em, input.respondentCreditCode, 'respondentCreditCode');
  const { respondentCreditCode: _code, ...fields } = input;
  const applicants = input.applicants.map((party) => toParty(party, linkageKey));
  const created = em.create(ArbitrationCase, {
    ...fields,
    applicants,
    applicantRefs: personRefsOf(applicants),
    respondent,
    dueOn: arbitrationAcceptanceDueOn(input.filedOn),
    status: FILED,
  });
  return insertOrConflict(em, created, 'An arbitration case');
}

export function updateArbitrationCase(em: EntityManager, input: UpdateArbitrationCaseInput) {
  return changeVersioned(em, ArbitrationCase, 'caseNo', input, (found) => {
    if (found.status === CLOSED || found.status === DECLINED) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is ${found.status}: a closed case's claims cannot change` });
    }
    if (input.claims != null) found.claims = input.claims;
    if (input.claimAmount != null) found.claimAmount = input.claimAmount;
  });
}

/** The commission's decision on an application (`to`: ACCEPTED or DECLINED), taken on `input.on`, not before the filing. */
function decideOnApplication(
  em: EntityManager,
  input: ArbitrationDecisionInput,
  to: ArbitrationStatus,
  record: (found: ArbitrationCase) => void,
) {
  return changeVersioned(em, ArbitrationCase, 'caseNo', input, (found) => {
    assertTransition(ARBITRATION_TRANSITIONS, found.status, to);
    assertNotBefore(input.on, found.filedOn, 'on', 'the filing date');
    found.status = to;
    record(found);
  });
}

/** 受理: the decision is due within 5 days of filing; the award is then due 45 days after acceptance. */
export function acceptArbitrationCase(em: EntityManager, input: ArbitrationDecisionInput) {
  return decideOnApplication(em, input, ACCEPTED, (found) => {
    found.acceptedOn = input.on;
    found.dueOn = arbitrationAwardDueOn(input.on, false);
  });
}

/** 不予受理: the application is not accepted; the case ends with outcome NOT_ACCEPTED. */
export function declineArbitrationCase(em: EntityManager, input: ArbitrationDecisionInput) {
  return decideOnApplication(em, input, DECLINED, (found) => {
    found.outcome = ArbitrationOutcome.NOT_ACCEPTED;
    found.closedOn = input.on;
    found.dueOn = null;
  });
}

/** 延期: the award deadline may be extended once, by 15 days, while the case is accepted. */
export function extendArbitrationCase(em: EntityManager, input: ArbitrationCaseVersionInput) {
  return changeVersioned(em, ArbitrationCase, 'caseNo', input, (found) => {
    if (found.status !== ACCEPTED) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is ${found.status}: only an ACCEPTED case can be extended` });
    }
    if (found.extended) {
      throw new BadUserInputError({
        field: 'caseNo',
        rule: `was already extended once: the law allows one extension of at most ${LEGAL_PERIODS.arbitrationExtension} days`,
      });
    }
    found.extended = true;
    found.dueOn = arbitrationAwardDueOn(found.acceptedOn!, true);
  });
}

export function closeArbitrationCase(em: EntityManager, input: CloseArbitrationCaseInput) {
  return changeVersioned(em, ArbitrationCase, 'caseNo', input, (found) => {
    assertTransition(ARBITRATION_TRANSITIONS, found.status, CLOSED);
    assertNotBefore(input.on, found.acceptedOn!, 'on', 'the acceptance date');
    if (input.outcome === ArbitrationOutcome.AWARD && !input.awardSummary) {
      throw new BadUserInputError({ field: 'awardSummary', rule: 'is required when the outcome is AWARD' });
    }
    found.status = CLOSED;
    found.outcome = input.outcome;
    found.closedOn = input.on;
    found.awardSummary = input.awardSummary ?? null;
    found.dueOn = null;
  });
}

/**
 * The list of arbitration cases, newest filing first (same-day cases by case number), that the filter
 * matches. A filter on a field the caller may not read in full on every case is refused (FORBIDDEN)
 * before any statement runs; every condition runs in SQL.
 */
export const ARBITRATION_CASE_LIST = enterpriseRecordList(ArbitrationCase, 'respondent', {
  order: { date: 'filedOn', key: 'caseNo' },
  // The field of ArbitrationCase whose value each filter tests: what a caller learns of every case by using it.
  filterFields: {
    ...sameNamedFields('status', 'outcome', 'filedOn', 'acceptedOn', 'closedOn', 'dueOn', 'extended'),
    overdue: 'dueOn',
    disputeNos: 'disputeNo',
    claimAmountAtLeast: 'claimAmount',
  },
  conditions: (filter: ArbitrationCaseFilter, today: string) => [
    ...dateRangeConditions(filter, ['filedOn', 'acceptedOn', 'closedOn', 'dueOn']),
    ...anyOfConditions(filter, { status: 'status', outcome: 'outcome', disputeNos: 'disputeNo' }),
    // As `ArbitrationCase.overdue`: dueOn is set only while a case is open, so a past dueOn is an overdue case.
    ...pastDueCondition('dueOn', filter.overdue, today),
    ...equalConditions(filter, { extended: 'extended' }),
    ...atLeastConditions(filter, { claimAmountAtLeast: 'claimAmount' }),
  ],
});
