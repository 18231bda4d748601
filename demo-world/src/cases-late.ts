/**
 * The later steps of a dispute as records: the lawsuit after an award, enforcement after a judgment,
 * judicial confirmation of a mediation agreement, and legal aid beside any of them.
 */
import type {
  ConfirmationStatus,
  DemoEnforcementCase,
  DemoJudicialConfirmation,
  DemoLawsuit,
  DemoLegalAidCase,
  DemoParty,
  EligibilityBasis,
  LegalAidStatus,
} from './world.types';
import type { GenContext } from './context';
import type { Prng } from './prng';
import { isoOf } from './dates';
import { moneyOf, shareOf } from './money';
import { judgmentText } from './claims';
import { fileCase, type Dispute } from './dispute-model';
import type { EnforcementPlan, LawsuitPlan } from './lifecycle';
import { LAWSUIT_CAUSES, SEALED_CAUSE } from './vocab-claims';

const isoOrNull = (day: number | null): string | null => (day === null ? null : isoOf(day));

/** Cites `source`'s case number in `record` once every number is assigned: the source's may be assigned after the record is filed. */
function citeCaseNo<K extends string>(ctx: GenContext, record: { [F in K]: string | null }, field: K, source: { caseNo: string }): void {
  ctx.numbering.afterwards(() => {
    record[field] = source.caseNo;
  });
}

/** What the court orders, given that the worker sued because the award left part of the claim unmet. */
function judgedFenOf(prng: Prng, dispute: Dispute, outcome: DemoLawsuit['outcome']): number {
  const claimFen = dispute.claim.amountFen;
  switch (outcome) {
    case 'UPHELD':
      return Math.max(dispute.awardFen, shareOf(claimFen, prng.int(900, 999)));
    case 'PARTIALLY_UPHELD':
      return Math.max(dispute.awardFen, shareOf(claimFen, prng.int(500, 900)));
    case 'SETTLED':
      return shareOf(claimFen, prng.int(450, 900));
    default:
      return 0;
  }
}

/**
 * Files a lawsuit after the dispute's award: first instance (民初), or with `appealOf` the appeal
 * against that first-instance judgment (民终), which is a lawsuit record of its own.
 */
export function addLawsuit(
  ctx: GenContext,
  prng: Prng,
  dispute: Dispute,
  filedDay: number,
  plan: LawsuitPlan,
  sealed: boolean,
  coDefendants: string[] = [],
  appealOf?: DemoLawsuit,
): DemoLawsuit {
  const arbitration = dispute.arbitration;
  if (!arbitration) throw new Error('a lawsuit needs an arbitration case first');
  const judgedFen = judgedFenOf(prng, dispute, plan.outcome);
  const record = fileCase<DemoLawsuit>(ctx, dispute, appealOf ? 'civilAppeal' : 'civilFirst', filedDay, ctx.world.court.lawsuits, {
    arbitrationCaseNo: arbitration.caseNo,
    plaintiffs: arbitration.applicants.map((p) => ({ ...p })),
    defendantCreditCodes: appealOf ? [...appealOf.defendantCreditCodes] : [dispute.enterprise.creditCode, ...coDefendants],
    cause: appealOf ? appealOf.cause : sealed ? SEALED_CAUSE : LAWSUIT_CAUSES[dispute.claim.kinds[0]!],
    filedOn: isoOf(filedDay),
    stage: plan.stage,
    judgmentOn: isoOrNull(plan.judgmentDay),
    outcome: plan.outcome,
    judgmentSummary: plan.outcome ? judgmentText(plan.outcome, dispute.claim, judgedFen) : null,
    sealed: appealOf ? appealOf.sealed : sealed,
  });
  citeCaseNo(ctx, record, 'arbitrationCaseNo', arbitration);
  if (appealOf) dispute.appeal = record;
  else dispute.lawsuit = record;
  dispute.judgedFen = plan.judgmentDay === null ? 0 : judgedFen;
  return record;
}

/** The judgment that settles the dispute in court: the appeal's if there is one, else the first instance's. */
export function finalLawsuitOf(dispute: Dispute): DemoLawsuit | null {
  return dispute.appeal ?? dispute.lawsuit;
}

export function addEnforcement(ctx: GenContext, dispute: Dispute, filedDay: number, plan: EnforcementPlan): DemoEnforcementCase {
  const lawsuit = finalLawsuitOf(dispute);
  if (!lawsuit) throw new Error('enforcement needs a judgment first');
  const amountFen = dispute.judgedFen;
  const recoveredFen = plan.recoveredPerMille >= 1000 ? amountFen : shareOf(amountFen, plan.recoveredPerMille);
  const record = fileCase<DemoEnforcementCase>(ctx, dispute, 'enforcement', filedDay, ctx.world.court.enforcementCases, {
    sourceCaseNo: lawsuit.caseNo,
    applicant: { ...lawsuit.plaintiffs[0]! },
    respondentCreditCode: dispute.enterprise.creditCode,
    amount: moneyOf(amountFen),
    recoveredAmount: moneyOf(recoveredFen),
    filedOn: isoOf(filedDay),
    closedOn: isoOrNull(plan.closedDay),
    status: plan.status,
  });
  citeCaseNo(ctx, record, 'sourceCaseNo', lawsuit);
  return record;
}

export function addConfirmation(
  ctx: GenContext,
  dispute: Dispute,
  appliedDay: number,
  plan: { decidedDay: number | null; status: ConfirmationStatus },
): DemoJudicialConfirmation {
  const mediation = dispute.mediation;
  if (!mediation || mediation.outcome !== 'AGREED') throw new Error('judicial confirmation needs a mediation agreement');
  const record = fileCase<DemoJudicialConfirmation>(ctx, dispute, 'civilSpecial', appliedDay, ctx.world.court.judicialConfirmations, {
    mediationCaseNo: mediation.caseNo,
    applicants: mediation.workers.map((p) => ({ ...p })),
    enterpriseCreditCode: dispute.enterprise.creditCode,
    appliedOn: isoOf(appliedDay),
    decidedOn: isoOrNull(plan.decidedDay),
    status: plan.status,
  });
  citeCaseNo(ctx, record, 'mediationCaseNo', mediation);
  return record;
}

export interface LegalAidInit {
  applicant: DemoParty;
  basis: EligibilityBasis;
  appliedDay: number;
  grantedDay: number | null;
  status: LegalAidStatus;
  lawyer: string | null;
  hardshipEvidence: string | null;
}

export function addLegalAid(ctx: GenContext, dispute: Dispute, init: LegalAidInit): DemoLegalAidCase {
  const record = fileCase<DemoLegalAidCase>(ctx, dispute, 'legalAid', init.appliedDay, ctx.world.justice.legalAidCases, {
    applicant: { ...init.applicant },
    enterpriseCreditCode: dispute.enterprise.creditCode,
    eligibilityBasis: init.basis,
    lawyer: init.status === 'GRANTED' || init.status === 'CLOSED' ? init.lawyer : null,
    appliedOn: isoOf(init.appliedDay),
    grantedOn: isoOrNull(init.grantedDay),
    status: init.status,
    // No hardship check for a migrant worker's wage claim (Legal Aid Law, art. 42).
    hardshipEvidence: init.basis === 'MIGRANT_WAGE_CLAIM' ? null : init.hardshipEvidence,
  });
  dispute.legalAid.push(record);
  return record;
}
