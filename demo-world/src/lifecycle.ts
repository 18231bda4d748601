/**
 * The legal clock of each kind of case. An intent (outcome and durations) is laid on the calendar and
 * cut at the as-of day: whatever would happen after it has not happened yet, so the case is still open.
 * The services validate their input with the same rules, so the generated data must obey them:
 * - union mediation closes within 15 days of the application, else it lapses on day 15;
 * - arbitration is accepted (or declined) within 5 days of filing;
 * - a lawsuit follows an award within 15 days of it; an appeal within 15 days of the judgment.
 * Decision deadlines are missed now and then, as in any real zone: the services record a late decision
 * (and flag a case `overdue` while it waits), so a small share of the decisions comes after its deadline
 * (`late-decisions.ts`), in every quarter:
 * - arbitration is decided within 45 days of acceptance, 60 when extended;
 * - a first-instance trial ends within 6 months of filing;
 * - a court decides on judicial confirmation within 15 days; legal aid is decided within 7 days.
 */
import type {
  ArbitrationOutcome,
  ArbitrationStatus,
  ConfirmationStatus,
  EnforcementStatus,
  LawsuitOutcome,
  LawsuitStage,
  LegalAidStatus,
  MediationOutcome,
  MediationStatus,
  PeopleMediationOutcome,
  PeopleMediationStatus,
} from './world.types';
import type { Prng } from './prng';
import type { LateDecisions } from './late-decisions';
import { dayOf, isoOf } from './dates';
import { addMonths, COURT_PERIODS, LEGAL_PERIODS } from '@labour/shared/legal-clock';

// The services' own legal clock (the court's periods too): the demo data must pass the same rules.
const MEDIATION_DAYS = LEGAL_PERIODS.mediation;
const ACCEPTANCE_DAYS = LEGAL_PERIODS.arbitrationAcceptance;
const AWARD_DAYS = LEGAL_PERIODS.arbitrationAward;
const EXTENSION_DAYS = LEGAL_PERIODS.arbitrationExtension;
export const SUIT_DAYS = LEGAL_PERIODS.suitAfterAward;
export const APPEAL_DAYS = COURT_PERIODS.appealDays;
const FIRST_INSTANCE_MONTHS = COURT_PERIODS.firstInstanceMonths;
export const CONFIRMATION_DAYS = COURT_PERIODS.confirmationDays;
export const LEGAL_AID_DECISION_DAYS = LEGAL_PERIODS.legalAidDecision;

// ---------------------------------------------------------------- union mediation

export interface MediationPlan {
  closedDay: number | null;
  status: MediationStatus;
  outcome: MediationOutcome | null;
}

export function mediationPlan(appliedDay: number, asOf: number, outcome: MediationOutcome, days: number): MediationPlan {
  const closeDay = appliedDay + (outcome === 'LAPSED' ? MEDIATION_DAYS : Math.min(days, MEDIATION_DAYS));
  if (closeDay <= asOf) return { closedDay: closeDay, status: 'CLOSED', outcome };
  return { closedDay: null, status: asOf - appliedDay <= 1 ? 'APPLIED' : 'MEDIATING', outcome: null };
}

export function drawMediationPlan(prng: Prng, appliedDay: number, asOf: number): MediationPlan {
  // Seeds: mediation succeeds in more than 80% of cases.
  const outcome = prng.weighted<MediationOutcome>([
    ['AGREED', 82],
    ['FAILED', 8],
    ['WITHDRAWN', 4],
    ['LAPSED', 6],
  ]);
  const days = outcome === 'AGREED' ? Math.min(prng.int(1, 14), prng.int(1, 14)) : prng.int(2, 14);
  return mediationPlan(appliedDay, asOf, outcome, days);
}

// ---------------------------------------------------------------- arbitration

export interface ArbitrationPlan {
  acceptedDay: number | null;
  closedDay: number | null;
  extended: boolean;
  status: ArbitrationStatus;
  outcome: ArbitrationOutcome | null;
}

export interface ArbitrationIntent {
  acceptDays: number;
  outcome: ArbitrationOutcome;
  /** Days from acceptance to the decision. */
  days: number;
  extended: boolean;
  /** Left open past its deadline. */
  overdue?: boolean;
  /** Decided this many days after the award deadline instead of after `days` (0 or absent: on time). */
  daysLate?: number;
}

export function arbitrationPlan(filedDay: number, asOf: number, intent: ArbitrationIntent): ArbitrationPlan {
  const filed: ArbitrationPlan = { acceptedDay: null, closedDay: null, extended: false, status: 'FILED', outcome: null };
  const decisionDay = filedDay + Math.min(intent.acceptDays, ACCEPTANCE_DAYS);
  if (decisionDay > asOf) return filed;
  if (intent.outcome === 'NOT_ACCEPTED') {
    return { acceptedDay: null, closedDay: decisionDay, extended: false, status: 'DECLINED', outcome: 'NOT_ACCEPTED' };
  }
  const limit = intent.extended ? AWARD_DAYS + EXTENSION_DAYS : AWARD_DAYS;
  const closeDay = decisionDay + (intent.daysLate ? limit + intent.daysLate : Math.min(intent.days, limit));
  if (closeDay <= asOf && !intent.overdue) {
    return { acceptedDay: decisionDay, closedDay: closeDay, extended: intent.extended, status: 'CLOSED', outcome: intent.outcome };
  }
  // An extension is granted near the original deadline, so an open case only shows it after day 40.
  const extended = intent.extended && !intent.overdue && asOf - decisionDay > AWARD_DAYS - 5;
  return { acceptedDay: decisionDay, closedDay: null, extended, status: 'ACCEPTED', outcome: null };
}

/** `late` decides which awards come after their deadline (the seeds: 91% of cases close in period). */
export function drawArbitrationPlan(prng: Prng, filedDay: number, asOf: number, late: LateDecisions): ArbitrationPlan {
  const acceptDays = prng.weighted([
    [0, 1],
    [1, 3],
    [2, 4],
    [3, 3],
    [4, 2],
    [5, 1],
  ]);
  const outcome = prng.weighted<ArbitrationOutcome>([
    ['AWARD', 46],
    ['SETTLED', 38],
    ['WITHDRAWN', 11],
    ['NOT_ACCEPTED', 5],
  ]);
  const extended = outcome === 'AWARD' && prng.chance(0.12);
  const days =
    outcome === 'AWARD' ? (extended ? prng.int(46, 60) : prng.int(18, 45)) : outcome === 'SETTLED' ? prng.int(5, 40) : prng.int(3, 30);
  const acceptedDay = filedDay + acceptDays;
  // Some recent cases are still open past their deadline; of the others, some are decided late.
  const overdue = acceptedDay + AWARD_DAYS < asOf && asOf - acceptedDay <= 120 && prng.chance(0.35);
  const dueDay = acceptedDay + (extended ? AWARD_DAYS + EXTENSION_DAYS : AWARD_DAYS);
  const daysLate = outcome === 'NOT_ACCEPTED' || overdue ? 0 : late.daysLate(dueDay);
  return arbitrationPlan(filedDay, asOf, { acceptDays, outcome, days, extended, overdue, daysLate });
}

// ---------------------------------------------------------------- lawsuit

export interface LawsuitPlan {
  stage: LawsuitStage;
  judgmentDay: number | null;
  outcome: LawsuitOutcome | null;
}

export function lawsuitPlan(filedDay: number, asOf: number, trialDays: number, outcome: LawsuitOutcome, appealed: boolean): LawsuitPlan {
  const judgmentDay = filedDay + trialDays;
  if (judgmentDay > asOf) return { stage: asOf - filedDay < 25 ? 'FILED' : 'IN_TRIAL', judgmentDay: null, outcome: null };
  let stage: LawsuitStage;
  if (outcome === 'SETTLED' || outcome === 'WITHDRAWN') stage = 'CLOSED';
  else if (appealed && asOf - judgmentDay >= 3) stage = 'APPEALED';
  else stage = asOf - judgmentDay > APPEAL_DAYS ? 'CLOSED' : 'JUDGED';
  return { stage, judgmentDay, outcome };
}

/** An appeal (民终) is heard within 3 months and its judgment is final: judged means closed. */
export function appealPlan(filedDay: number, asOf: number, trialDays: number, outcome: LawsuitOutcome): LawsuitPlan {
  const judgmentDay = filedDay + trialDays;
  if (judgmentDay > asOf) return { stage: asOf - filedDay < 15 ? 'FILED' : 'IN_TRIAL', judgmentDay: null, outcome: null };
  return { stage: 'CLOSED', judgmentDay, outcome };
}

export function drawLawsuitOutcome(prng: Prng): LawsuitOutcome {
  return prng.weighted<LawsuitOutcome>([
    ['UPHELD', 25],
    ['PARTIALLY_UPHELD', 40],
    ['DISMISSED', 15],
    ['SETTLED', 15],
    ['WITHDRAWN', 5],
  ]);
}

/** Last day of a first-instance trial: 6 months after filing, on the same day of the month or the month's last. */
const trialDueDay = (filedDay: number): number => dayOf(addMonths(isoOf(filedDay), FIRST_INSTANCE_MONTHS));

/** `late` decides which first-instance trials run past their 6 months. */
export function drawLawsuitPlan(prng: Prng, filedDay: number, asOf: number, late: LateDecisions): LawsuitPlan {
  const onTimeDays = prng.int(35, 180);
  const dueDay = trialDueDay(filedDay);
  const daysLate = late.daysLate(dueDay);
  const trialDays = daysLate ? dueDay - filedDay + daysLate : onTimeDays;
  return lawsuitPlan(filedDay, asOf, trialDays, drawLawsuitOutcome(prng), prng.chance(0.15));
}

// ---------------------------------------------------------------- enforcement

export interface EnforcementPlan {
  closedDay: number | null;
  status: EnforcementStatus;
  /** Share of the amount recovered, in per-mille. */
  recoveredPerMille: number;
}

export function drawEnforcementPlan(prng: Prng, filedDay: number, asOf: number): EnforcementPlan {
  const closeDay = filedDay + prng.int(20, 200);
  const status = prng.weighted<EnforcementStatus>([
    ['CONCLUDED', 62],
    ['TERMINATED_NO_ASSETS', 38],
  ]);
  if (closeDay > asOf) return { closedDay: null, status: 'OPEN', recoveredPerMille: prng.chance(0.3) ? prng.int(100, 600) : 0 };
  if (status === 'CONCLUDED') return { closedDay: closeDay, status, recoveredPerMille: prng.chance(0.75) ? 1000 : prng.int(500, 950) };
  return { closedDay: closeDay, status, recoveredPerMille: prng.chance(0.7) ? 0 : prng.int(20, 300) };
}

// ---------------------------------------------------------------- judicial confirmation, legal aid, people's mediation

/** `daysLate` (when not 0) puts the decision that many days after the 15 instead of after `days`. */
export function confirmationPlan(
  appliedDay: number,
  asOf: number,
  days: number,
  refused: boolean,
  daysLate = 0,
): { decidedDay: number | null; status: ConfirmationStatus } {
  const decidedDay = appliedDay + (daysLate ? CONFIRMATION_DAYS + daysLate : Math.min(days, CONFIRMATION_DAYS));
  if (decidedDay > asOf) return { decidedDay: null, status: 'APPLIED' };
  return { decidedDay, status: refused ? 'REFUSED' : 'CONFIRMED' };
}

/** `daysLate` (when not 0) puts the decision that many days after the 7 instead of after `days`. */
export function legalAidPlan(
  appliedDay: number,
  asOf: number,
  days: number,
  refused: boolean,
  endDay: number | null,
  daysLate = 0,
): { grantedDay: number | null; status: LegalAidStatus } {
  const decisionDay = appliedDay + (daysLate ? LEGAL_AID_DECISION_DAYS + daysLate : Math.min(days, LEGAL_AID_DECISION_DAYS));
  if (decisionDay > asOf) return { grantedDay: null, status: 'APPLIED' };
  if (refused) return { grantedDay: null, status: 'REFUSED' };
  const over = endDay !== null && endDay >= decisionDay && endDay <= asOf;
  return { grantedDay: decisionDay, status: over ? 'CLOSED' : 'GRANTED' };
}

export interface PeopleMediationPlan {
  closedDay: number | null;
  status: PeopleMediationStatus;
  outcome: PeopleMediationOutcome | null;
}

function peopleMediationPlan(appliedDay: number, asOf: number, outcome: PeopleMediationOutcome, days: number): PeopleMediationPlan {
  const closeDay = appliedDay + days;
  if (closeDay <= asOf) return { closedDay: closeDay, status: 'CLOSED', outcome };
  return { closedDay: null, status: asOf - appliedDay <= 2 ? 'APPLIED' : 'MEDIATING', outcome: null };
}

export function drawPeopleMediationPlan(prng: Prng, appliedDay: number, asOf: number): PeopleMediationPlan {
  // People's mediation aims to finish within 30 days.
  const outcome = prng.weighted<PeopleMediationOutcome>([
    ['AGREED', 85],
    ['FAILED', 10],
    ['WITHDRAWN', 5],
  ]);
  return peopleMediationPlan(appliedDay, asOf, outcome, prng.int(1, 30));
}
