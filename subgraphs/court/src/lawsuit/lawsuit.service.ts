import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  pastDueCondition,
  recordList,
  Department,
  assertTransition,
  BadUserInputError,
  dateRangeConditions,
  insertOrConflict,
  personRefsOf,
  assertNotBefore,
  toParty,
  changeVersioned,
  type TransitionTable,
} from '@labour/shared';
import { appealDueOn, isAppealCaseNo, trialDueOn } from '../legal-clock/court-deadlines';
import { Lawsuit, LawsuitOutcome, LawsuitStage } from './lawsuit.entity';
import type { AppealLawsuitInput, CloseLawsuitInput, RecordLawsuitJudgmentInput } from './lawsuit-stage.input';
import type { CreateLawsuitInput, LawsuitVersionInput, UpdateLawsuitInput } from './lawsuit.input';
import { LAWSUIT_FILTER_FIELDS, LawsuitInstance, type LawsuitFilter } from './lawsuit-list.input';

const { FILED, IN_TRIAL, JUDGED, APPEALED, CLOSED } = LawsuitStage;
const { SETTLED, WITHDRAWN } = LawsuitOutcome;

/** The course of a lawsuit; settlement or withdrawal may end it at any point before judgment. */
const LAWSUIT_TRANSITIONS: TransitionTable<LawsuitStage> = {
  [FILED]: [IN_TRIAL, CLOSED],
  [IN_TRIAL]: [JUDGED, CLOSED],
  [JUDGED]: [APPEALED, CLOSED],
  [APPEALED]: [CLOSED],
  [CLOSED]: [],
};

export async function createLawsuit(em: EntityManager, input: CreateLawsuitInput, linkageKey: Buffer): Promise<Lawsuit> {
  const plaintiffs = input.plaintiffs.map((party) => toParty(party, linkageKey));
  const created = em.create(Lawsuit, {
    ...input,
    plaintiffs,
    plaintiffRefs: personRefsOf(plaintiffs),
    stage: FILED,
    dueOn: trialDueOn(input.caseNo, input.filedOn),
  });
  return insertOrConflict(em, created, 'A lawsuit');
}

export function updateLawsuit(em: EntityManager, input: UpdateLawsuitInput, linkageKey: Buffer) {
  return changeVersioned(em, Lawsuit, 'caseNo', input, (found) => {
    // A closed file may still be sealed or unsealed (e.g. on a party's request); its substance is final.
    if (found.stage === CLOSED && (input.cause != null || input.plaintiffs != null || input.defendantCreditCodes != null)) {
      throw new BadUserInputError({ field: 'caseNo', rule: 'is CLOSED: only `sealed` may change on a closed case' });
    }
    if (input.cause != null) found.cause = input.cause;
    if (input.plaintiffs != null) {
      found.plaintiffs = input.plaintiffs.map((party) => toParty(party, linkageKey));
      found.plaintiffRefs = personRefsOf(found.plaintiffs);
    }
    if (input.defendantCreditCodes != null) found.defendantCreditCodes = input.defendantCreditCodes;
    if (input.sealed != null) found.sealed = input.sealed;
  });
}

/** 开庭审理: the trial deadline, counted from filing, stays as it is. */
export function startLawsuitTrial(em: EntityManager, input: LawsuitVersionInput) {
  return changeVersioned(em, Lawsuit, 'caseNo', input, (found) => {
    assertTransition(LAWSUIT_TRANSITIONS, found.stage, IN_TRIAL, 'stage');
    found.stage = IN_TRIAL;
  });
}

/** 判决: a first-instance judgment opens the 15-day appeal period; an appeal judgment is final (终审). */
export function recordLawsuitJudgment(em: EntityManager, input: RecordLawsuitJudgmentInput) {
  return changeVersioned(em, Lawsuit, 'caseNo', input, (found) => {
    assertTransition(LAWSUIT_TRANSITIONS, found.stage, JUDGED, 'stage');
    assertNotBefore(input.judgmentOn, found.filedOn, 'judgmentOn', 'the filing date');
    found.stage = JUDGED;
    found.judgmentOn = input.judgmentOn;
    found.outcome = input.outcome;
    found.judgmentSummary = input.judgmentSummary;
    found.dueOn = isAppealCaseNo(found.caseNo) ? null : appealDueOn(input.judgmentOn);
  });
}

/** 上诉: only a first-instance judgment, within the appeal period; the appeal is its own 民终 case. */
export function appealLawsuit(em: EntityManager, input: AppealLawsuitInput) {
  return changeVersioned(em, Lawsuit, 'caseNo', input, (found) => {
    assertTransition(LAWSUIT_TRANSITIONS, found.stage, APPEALED, 'stage');
    if (isAppealCaseNo(found.caseNo)) {
      throw new BadUserInputError({ field: 'caseNo', rule: 'is an appeal case (民终): its judgment is final and cannot be appealed' });
    }
    assertNotBefore(input.appealedOn, found.judgmentOn!, 'appealedOn', 'the judgment date');
    if (input.appealedOn > found.dueOn!) {
      throw new BadUserInputError({ field: 'appealedOn', rule: `must not be later than the end of the appeal period (${found.dueOn})` });
    }
    found.stage = APPEALED;
    found.dueOn = null;
  });
}

export function closeLawsuit(em: EntityManager, input: CloseLawsuitInput) {
  return changeVersioned(em, Lawsuit, 'caseNo', input, (found) => {
    const from = found.stage;
    assertTransition(LAWSUIT_TRANSITIONS, from, CLOSED, 'stage');
    if (from === FILED || from === IN_TRIAL) {
      // Before judgment a case ends only by court mediation (调解书) or withdrawal (准许撤诉裁定), dated judgmentOn.
      if (input.outcome !== SETTLED && input.outcome !== WITHDRAWN) {
        throw new BadUserInputError({ field: 'outcome', rule: `must be SETTLED or WITHDRAWN to close a case that is ${from}` });
      }
      assertNotBefore(input.closedOn, found.filedOn, 'closedOn', 'the filing date');
      found.outcome = input.outcome;
      found.judgmentOn = input.closedOn;
    } else if (from === JUDGED) {
      if (input.outcome != null) {
        throw new BadUserInputError({ field: 'outcome', rule: 'must be left out when closing a JUDGED case: the judgment stands' });
      }
      if (found.dueOn !== null && input.closedOn <= found.dueOn) {
        throw new BadUserInputError({ field: 'closedOn', rule: `must be after the end of the appeal period (${found.dueOn})` });
      }
      assertNotBefore(input.closedOn, found.judgmentOn!, 'closedOn', 'the judgment date');
    } else {
      assertNotBefore(input.closedOn, found.judgmentOn!, 'closedOn', 'the judgment date');
      if (input.outcome != null) found.outcome = input.outcome;
    }
    if (input.judgmentSummary != null) found.judgmentSummary = input.judgmentSummary;
    found.stage = CLOSED;
    found.dueOn = null;
  });
}

/** The case-number body of each instance (validated on filing: every lawsuit's number has one of the two). */
const INSTANCE_BODY: Record<LawsuitInstance, string> = { [LawsuitInstance.FIRST_INSTANCE]: '民初', [LawsuitInstance.APPEAL]: '民终' };

/**
 * The list of lawsuits, newest filed first: every filter as SQL. Overdue is what the
 * `overdue` field says, against the request's day: a deadline (dueOn, set only while a stage runs) before it.
 */
export const LAWSUIT_LIST = recordList(Lawsuit, Department.COURT, {
  order: { date: 'filedOn', key: 'caseNo' },
  filterFields: LAWSUIT_FILTER_FIELDS,
  conditions: (filter: LawsuitFilter, today: string) => [
    ...anyOfConditions(filter, { stage: 'stage', outcome: 'outcome', disputeNos: 'disputeNo' }),
    ...(filter.instance ? [{ caseNo: { $like: `%${INSTANCE_BODY[filter.instance]}%` } }] : []),
    ...dateRangeConditions(filter, ['filedOn', 'judgmentOn', 'dueOn']),
    ...pastDueCondition('dueOn', filter.overdue, today),
    ...(filter.enterprise ? [{ defendantCreditCodes: { $overlap: [filter.enterprise] } }] : []),
  ],
});
