/**
 * The later steps, chosen among the disputes that got far enough: lawsuits after awards, enforcement
 * after judgments, judicial confirmation of mediation agreements, legal aid. Each step picks a fixed
 * number of disputes (scaled from the brief's figures) from those eligible, so counts stay stable.
 * Story disputes are left alone: their paths are written by hand.
 */
import type { EligibilityBasis } from './world.types';
import { randomEnterprises, scaled, type GenContext } from './context';
import type { Prng } from './prng';
import { dayOf } from './dates';
import { endDayOf, type Dispute } from './dispute-model';
import {
  appealPlan,
  confirmationPlan,
  drawEnforcementPlan,
  drawLawsuitOutcome,
  drawLawsuitPlan,
  legalAidPlan,
  APPEAL_DAYS,
  CONFIRMATION_DAYS,
  LEGAL_AID_DECISION_DAYS,
  SUIT_DAYS,
} from './lifecycle';
import { LateDecisions } from './late-decisions';
import { addConfirmation, addEnforcement, addLawsuit, addLegalAid, finalLawsuitOf } from './cases-late';
import { CASES_AT_SCALE_1 } from './generate-disputes';
import { isMigrant } from './people';
import type { Staff } from './staff';
import { HARDSHIP_EVIDENCE, OTHER_AID_EVIDENCE, WORK_INJURY_EVIDENCE } from './vocab-texts';

/**
 * Decisions that come after their deadline, besides arbitration's: no figure in the seeds, so a few per
 * cent, late by days (legal aid, confirmation) or weeks (a trial that runs past its 6 months).
 */
const LATE = {
  trials: { share: 0.06, maxDaysLate: 60 },
  confirmations: { share: 0.05, maxDaysLate: 10 },
  legalAid: { share: 0.05, maxDaysLate: 5 },
} as const;
const lateDecisions = (ctx: GenContext, kind: keyof typeof LATE): LateDecisions =>
  new LateDecisions(ctx.rng(`late-${kind}`), LATE[kind].share, LATE[kind].maxDaysLate);

function addLawsuits(ctx: GenContext, prng: Prng, disputes: Dispute[]): void {
  const late = lateDecisions(ctx, 'trials');
  const eligible = disputes.filter((d) => d.arbitration?.outcome === 'AWARD' && dayOf(d.arbitration.closedOn!) < ctx.asOf);
  // Workers sue mostly when the award left part of their claim unmet.
  const chosen = prng.weightedSample(
    eligible,
    (d) => (d.awardFen < d.claim.amountFen ? 2 : 1),
    scaled(ctx, CASES_AT_SCALE_1.lawsuits) - ctx.world.court.lawsuits.length,
  );
  const contractors = randomEnterprises(ctx).filter((e) => e.industry === '建筑施工' && e.employeeCount >= 100);
  for (const d of chosen) {
    const awardDay = dayOf(d.arbitration!.closedOn!);
    const filedDay = awardDay + prng.int(1, Math.min(SUIT_DAYS, ctx.asOf - awardDay));
    // On building sites the general contractor answers for its subcontractor's wages, so workers sue both.
    const general = d.industry.name === '建筑施工' && contractors.length > 0 && prng.chance(0.3) ? prng.pick(contractors) : null;
    const coDefendants = general && general.creditCode !== d.enterprise.creditCode ? [general.creditCode] : [];
    addLawsuit(ctx, prng, d, filedDay, drawLawsuitPlan(prng, filedDay, ctx.asOf, late), prng.chance(0.04), coDefendants);
  }
}

/** Some losing employers appeal; the appeal is docketed a few weeks after the first-instance judgment. */
function addAppeals(ctx: GenContext, prng: Prng, disputes: Dispute[]): void {
  for (const d of disputes) {
    const first = d.lawsuit;
    if (first?.stage !== 'APPEALED') continue;
    const filedDay = dayOf(first.judgmentOn!) + prng.int(10, 30);
    if (filedDay > ctx.asOf) continue;
    // Most appeals end with the first judgment upheld (维持原判).
    const outcome = prng.chance(0.7) ? first.outcome! : drawLawsuitOutcome(prng);
    addLawsuit(ctx, prng, d, filedDay, appealPlan(filedDay, ctx.asOf, prng.int(30, 90), outcome), first.sealed, [], first);
  }
}

function addEnforcements(ctx: GenContext, prng: Prng, disputes: Dispute[]): void {
  const eligible = disputes.filter((d) => {
    const l = finalLawsuitOf(d);
    return l !== null && l.stage === 'CLOSED' && d.judgedFen > 0 && ctx.asOf - dayOf(l.judgmentOn!) > APPEAL_DAYS;
  });
  for (const d of prng.shuffle(eligible).slice(0, scaled(ctx, CASES_AT_SCALE_1.enforcement) - ctx.world.court.enforcementCases.length)) {
    // Enforcement can be applied for once the judgment is final, after the appeal period.
    const judgmentDay = dayOf(finalLawsuitOf(d)!.judgmentOn!);
    const filedDay = judgmentDay + prng.int(APPEAL_DAYS + 1, Math.min(90, ctx.asOf - judgmentDay));
    addEnforcement(ctx, d, filedDay, drawEnforcementPlan(prng, filedDay, ctx.asOf));
  }
}

function addConfirmations(ctx: GenContext, prng: Prng, disputes: Dispute[]): void {
  const late = lateDecisions(ctx, 'confirmations');
  const eligible = disputes.filter((d) => d.mediation?.outcome === 'AGREED' && dayOf(d.mediation.closedOn!) < ctx.asOf);
  for (const d of prng
    .shuffle(eligible)
    .slice(0, scaled(ctx, CASES_AT_SCALE_1.confirmations) - ctx.world.court.judicialConfirmations.length)) {
    // Parties apply within 30 days of the agreement taking effect.
    const agreedDay = dayOf(d.mediation!.closedOn!);
    const appliedDay = agreedDay + prng.int(1, Math.min(30, ctx.asOf - agreedDay));
    const daysLate = late.daysLate(appliedDay + CONFIRMATION_DAYS);
    addConfirmation(
      ctx,
      d,
      appliedDay,
      confirmationPlan(appliedDay, ctx.asOf, prng.int(2, CONFIRMATION_DAYS), prng.chance(0.08), daysLate),
    );
  }
}

function eligibilityOf(prng: Prng, d: Dispute, migrant: boolean): [EligibilityBasis, string | null] {
  if (d.claim.kinds.includes('INJURY')) return ['WORK_INJURY', WORK_INJURY_EVIDENCE];
  if (d.claim.kinds.includes('WAGES') && migrant) return ['MIGRANT_WAGE_CLAIM', null];
  if (prng.chance(0.12)) return ['OTHER', prng.pick(OTHER_AID_EVIDENCE)];
  return ['ECONOMIC_HARDSHIP', prng.pick(HARDSHIP_EVIDENCE)];
}

/** The day legal aid is asked for: around the arbitration filing, or after mediation failed. */
function legalAidDay(prng: Prng, ctx: GenContext, d: Dispute): number {
  if (d.lawsuit && prng.chance(0.4)) return Math.max(dayOf(d.arbitration!.closedOn!), dayOf(d.lawsuit.filedOn) - prng.int(0, 5));
  if (d.arbitration) return Math.min(ctx.asOf, Math.max(d.startDay, dayOf(d.arbitration.filedOn) + prng.int(-5, 10)));
  const failed = dayOf((d.mediation ?? d.peopleMediation)!.closedOn!);
  return Math.min(ctx.asOf, failed + prng.int(0, 10));
}

function addLegalAids(ctx: GenContext, prng: Prng, disputes: Dispute[], staff: Staff): void {
  const late = lateDecisions(ctx, 'legalAid');
  const failedMediation = (d: Dispute): boolean => d.mediation?.outcome === 'FAILED' || d.mediation?.outcome === 'LAPSED';
  const eligible = disputes.filter((d) => d.arbitration !== null || failedMediation(d));
  const migrantWage = (d: Dispute): boolean => d.claim.kinds.includes('WAGES') && d.parties.some((p) => isMigrant(p.idNumber));
  const weight = (d: Dispute): number => (migrantWage(d) ? 3 : d.claim.kinds.includes('INJURY') ? 2.5 : 1);
  const count = scaled(ctx, CASES_AT_SCALE_1.legalAid) - ctx.world.justice.legalAidCases.length;
  for (const d of prng.weightedSample(eligible, weight, count)) {
    const migrants = d.parties.filter((p) => isMigrant(p.idNumber));
    const applicant = migrantWage(d) ? prng.pick(migrants) : prng.pick(d.parties);
    const [basis, evidence] = eligibilityOf(prng, d, isMigrant(applicant.idNumber));
    const appliedDay = legalAidDay(prng, ctx, d);
    const refused = basis !== 'MIGRANT_WAGE_CLAIM' && prng.chance(0.05);
    const daysLate = late.daysLate(appliedDay + LEGAL_AID_DECISION_DAYS);
    const plan = legalAidPlan(appliedDay, ctx.asOf, prng.int(1, 7), refused, endDayOf(d), daysLate);
    addLegalAid(ctx, d, {
      applicant,
      basis,
      appliedDay,
      grantedDay: plan.grantedDay,
      status: plan.status,
      lawyer: prng.pick(staff.lawyers),
      hardshipEvidence: evidence,
    });
  }
}

export function escalateDisputes(ctx: GenContext, staff: Staff): void {
  const prng = ctx.rng('escalation');
  const random = ctx.disputes.filter((d) => !d.fixedNumbers);
  addLawsuits(ctx, prng, random);
  addAppeals(ctx, prng, random);
  addEnforcements(ctx, prng, random);
  addConfirmations(ctx, prng, random);
  addLegalAids(ctx, prng, random, staff);
}
