/**
 * The first steps of a dispute as records: union mediation, people's mediation and arbitration. Each
 * builder takes the dates and outcome already decided (by a plan from `lifecycle.ts`, or by hand for the
 * stories), writes the texts, numbers the case and files it in the world.
 */
import type {
  DemoArbitrationCase,
  DemoMediationCase,
  DemoParty,
  DemoPeopleMediationCase,
  DemoPeopleMediationCommittee,
} from './world.types';
import type { GenContext } from './context';
import type { Prng } from './prng';
import { isoOf } from './dates';
import { moneyOf, shareOf } from './money';
import { agreementText, awardText, claimLabels } from './claims';
import { fileCase, type Dispute } from './dispute-model';
import type { ArbitrationPlan, MediationPlan, PeopleMediationPlan } from './lifecycle';
import { FAILED_MEDIATION_NOTES, LAPSED_MEDIATION_NOTE, MEDIATION_NOTES } from './vocab-claims';

const isoOrNull = (day: number | null): string | null => (day === null ? null : isoOf(day));
const copyParties = (parties: DemoParty[]): DemoParty[] => parties.map((p) => ({ ...p }));

/** A mediation's course as its plan decides it: applied on, closed on (while open: null), status, outcome. */
const courseOf = <S, O>(appliedDay: number, plan: { closedDay: number | null; status: S; outcome: O | null }) => ({
  appliedOn: isoOf(appliedDay),
  closedOn: isoOrNull(plan.closedDay),
  status: plan.status,
  outcome: plan.outcome,
});

/** 王某等3人: case summaries name parties the way published case files do. */
function partiesInProse(parties: DemoParty[]): string {
  const first = `${parties[0]!.name.charAt(0)}某`;
  return parties.length === 1 ? first : `${first}等${parties.length}人`;
}

export function addMediation(
  ctx: GenContext,
  prng: Prng,
  dispute: Dispute,
  appliedDay: number,
  plan: MediationPlan,
  mediator: string,
  notes?: string,
): DemoMediationCase {
  let text = notes ?? prng.pick(MEDIATION_NOTES);
  if (!notes && plan.outcome === 'FAILED') text += prng.pick(FAILED_MEDIATION_NOTES);
  if (!notes && plan.outcome === 'LAPSED') text += LAPSED_MEDIATION_NOTE;
  let agreement: string | null = null;
  if (plan.outcome === 'AGREED' && plan.closedDay !== null) {
    const agreedFen = shareOf(dispute.claim.amountFen, prng.int(600, 950));
    agreement = agreementText(dispute.claim, agreedFen, plan.closedDay + prng.int(3, 20));
  }
  const record = fileCase<DemoMediationCase>(ctx, dispute, 'unionMediation', appliedDay, ctx.world.union.mediationCases, {
    workers: copyParties(dispute.parties),
    enterpriseCreditCode: dispute.enterprise.creditCode,
    mediator,
    claims: dispute.claim.text,
    notes: text,
    ...courseOf(appliedDay, plan),
    agreement,
  });
  dispute.mediation = record;
  return record;
}

export function addPeopleMediation(
  ctx: GenContext,
  dispute: Dispute,
  committee: DemoPeopleMediationCommittee,
  appliedDay: number,
  plan: PeopleMediationPlan,
): DemoPeopleMediationCase {
  const summary = `${partiesInProse(dispute.parties)}与${dispute.enterprise.name}因${claimLabels(dispute.claim)}发生纠纷，向${committee.name}申请调解。`;
  const record = fileCase<DemoPeopleMediationCase>(ctx, dispute, 'peopleMediation', appliedDay, ctx.world.justice.peopleMediationCases, {
    committeeCode: committee.code,
    parties: copyParties(dispute.parties),
    enterpriseCreditCode: dispute.enterprise.creditCode,
    summary,
    ...courseOf(appliedDay, plan),
  });
  dispute.peopleMediation = record;
  return record;
}

/** Files an arbitration case; `awardPerMille` is the share of the claim an award grants. */
export function addArbitration(
  ctx: GenContext,
  dispute: Dispute,
  filedDay: number,
  plan: ArbitrationPlan,
  awardPerMille: number,
): DemoArbitrationCase {
  const claim = dispute.claim;
  const awardFen = plan.outcome === 'AWARD' ? (awardPerMille >= 1000 ? claim.amountFen : shareOf(claim.amountFen, awardPerMille)) : 0;
  const record = fileCase<DemoArbitrationCase>(ctx, dispute, 'arbitration', filedDay, ctx.world.hr.arbitrationCases, {
    applicants: copyParties(dispute.parties),
    respondentCreditCode: dispute.enterprise.creditCode,
    claims: claim.text,
    claimAmount: moneyOf(claim.amountFen),
    filedOn: isoOf(filedDay),
    acceptedOn: isoOrNull(plan.acceptedDay),
    extended: plan.extended,
    closedOn: isoOrNull(plan.closedDay),
    status: plan.status,
    outcome: plan.outcome,
    awardSummary: plan.outcome === 'AWARD' ? awardText(claim, awardFen) : null,
  });
  dispute.arbitration = record;
  dispute.awardFen = awardFen;
  return record;
}
