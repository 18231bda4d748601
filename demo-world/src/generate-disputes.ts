/**
 * Disputes along their real paths. A dispute arrives at union mediation (LD-UN), at the arbitration
 * commission (LD-HR) or at a people's mediation committee (LD-JU); failed or lapsed mediation goes on to
 * arbitration under the same dispute number. Later steps (lawsuit, enforcement, confirmation, legal
 * aid) are chosen among the disputes that got far enough, in `escalate-disputes.ts`.
 */
import type { DemoEnterprise, DemoPeopleMediationCommittee } from './world.types';
import { scaled, type GenContext } from './context';
import type { Prng } from './prng';
import { drawClaim } from './claims';
import { newDispute, type Dispute, type DisputeOrigin } from './dispute-model';
import { drawArbitrationPlan, drawMediationPlan, drawPeopleMediationPlan } from './lifecycle';
import { addArbitration, addMediation, addPeopleMediation } from './cases-early';
import { LateDecisions } from './late-decisions';
import { committeeIndustry } from './generate-committees';
import { PartyPicker } from './party-picker';
import type { Staff } from './staff';
import { industryByName } from './vocab-enterprises';

/** Case counts at scale 1, from the brief's figures for a park of 560 enterprises. */
export const CASES_AT_SCALE_1 = {
  mediation: 600,
  peopleMediation: 150,
  arbitration: 300,
  lawsuits: 80,
  enforcement: 30,
  confirmations: 40,
  legalAid: 120,
} as const;

/** Seeds: 91% of arbitration cases close in period; the others are decided up to a month late. */
const LATE_AWARDS = { share: 0.09, maxDaysLate: 30 } as const;

/** A start day in the window; a few per cent in the last three weeks, so that open cases exist. */
function drawStartDay(prng: Prng, ctx: GenContext): number {
  return prng.chance(0.05) ? prng.int(ctx.asOf - 20, ctx.asOf) : prng.int(ctx.windowStart, ctx.asOf);
}

function drawDispute(ctx: GenContext, prng: Prng, picker: PartyPicker, origin: DisputeOrigin, enterprise?: DemoEnterprise): Dispute {
  const startDay = drawStartDay(prng, ctx);
  const chosen = enterprise ?? picker.drawEnterprise(prng);
  const industry = industryByName(chosen.industry);
  const parties = picker.drawParties(prng, chosen, picker.drawCount(prng, industry));
  const claim = drawClaim(prng, industry, parties.length, startDay);
  return newDispute(ctx, { origin, startDay, enterprise: chosen, industry, parties, claim });
}

/** Awards grant the whole claim in two cases out of five, otherwise part of it. */
function drawAwardShare(prng: Prng): number {
  return prng.chance(0.4) ? 1000 : prng.int(400, 950);
}

/** After mediation fails, the worker files for arbitration within a month, if that is before the as-of day. */
function escalateToArbitration(ctx: GenContext, prng: Prng, late: LateDecisions, dispute: Dispute, failedDay: number): void {
  const filedDay = failedDay + prng.int(1, 30);
  if (filedDay > ctx.asOf) return;
  addArbitration(ctx, dispute, filedDay, drawArbitrationPlan(prng, filedDay, ctx.asOf, late), drawAwardShare(prng));
}

function addUnionMediationDisputes(ctx: GenContext, prng: Prng, late: LateDecisions, picker: PartyPicker, staff: Staff): void {
  const count = scaled(ctx, CASES_AT_SCALE_1.mediation) - ctx.world.union.mediationCases.length;
  for (let i = 0; i < count; i++) {
    const dispute = drawDispute(ctx, prng, picker, 'UN');
    const plan = drawMediationPlan(prng, dispute.startDay, ctx.asOf);
    addMediation(ctx, prng, dispute, dispute.startDay, plan, prng.pick(staff.mediators));
    if ((plan.outcome === 'FAILED' || plan.outcome === 'LAPSED') && prng.chance(0.8)) {
      escalateToArbitration(ctx, prng, late, dispute, plan.closedDay!);
    }
  }
}

/** The committee a case goes to: the enterprise's own, else mostly the town's, the industry's or the zone's. */
function chooseCommittee(
  prng: Prng,
  committees: readonly DemoPeopleMediationCommittee[],
  enterprise: DemoEnterprise,
): DemoPeopleMediationCommittee {
  const own = committees.find((c) => c.enterpriseCreditCode === enterprise.creditCode);
  if (own && prng.chance(0.8)) return own;
  const industry = committees.find((c) => committeeIndustry(c) === enterprise.industry);
  if (industry && prng.chance(0.5)) return industry;
  const town = committees.find((c) => c.level === 'TOWN' && c.district === enterprise.district);
  if (town && prng.chance(0.75)) return town;
  return prng.pick(committees.filter((c) => c.level === 'ZONE' || c.level === 'DISTRICT'));
}

function addPeopleMediationDisputes(ctx: GenContext, prng: Prng, late: LateDecisions, picker: PartyPicker): void {
  const committees = ctx.world.justice.committees;
  const ownCommittee = committees.filter((c) => c.enterpriseCreditCode !== null).map((c) => ctx.enterprises.get(c.enterpriseCreditCode!)!);
  const count = scaled(ctx, CASES_AT_SCALE_1.peopleMediation) - ctx.world.justice.peopleMediationCases.length;
  for (let i = 0; i < count; i++) {
    // Enterprises with their own committee bring a share of the cases, as the seeds' in-enterprise figure (70%) suggests.
    const enterprise = ownCommittee.length > 0 && prng.chance(0.3) ? prng.pick(ownCommittee) : undefined;
    const dispute = drawDispute(ctx, prng, picker, 'JU', enterprise);
    const committee = chooseCommittee(prng, committees, dispute.enterprise);
    const plan = drawPeopleMediationPlan(prng, dispute.startDay, ctx.asOf);
    addPeopleMediation(ctx, dispute, committee, dispute.startDay, plan);
    if (plan.outcome === 'FAILED' && prng.chance(0.5)) escalateToArbitration(ctx, prng, late, dispute, plan.closedDay!);
  }
}

function addDirectArbitrationDisputes(ctx: GenContext, prng: Prng, late: LateDecisions, picker: PartyPicker): void {
  const count = scaled(ctx, CASES_AT_SCALE_1.arbitration) - ctx.world.hr.arbitrationCases.length;
  for (let i = 0; i < count; i++) {
    const dispute = drawDispute(ctx, prng, picker, 'HR');
    addArbitration(ctx, dispute, dispute.startDay, drawArbitrationPlan(prng, dispute.startDay, ctx.asOf, late), drawAwardShare(prng));
  }
}

/** The first steps of every random dispute; run after the story, whose disputes count towards the totals. */
export function addRandomDisputes(ctx: GenContext, staff: Staff): void {
  const prng = ctx.rng('disputes');
  const late = new LateDecisions(ctx.rng('late-awards'), LATE_AWARDS.share, LATE_AWARDS.maxDaysLate);
  const picker = new PartyPicker(ctx);
  addUnionMediationDisputes(ctx, prng, late, picker, staff);
  addPeopleMediationDisputes(ctx, prng, late, picker);
  addDirectArbitrationDisputes(ctx, prng, late, picker);
}
