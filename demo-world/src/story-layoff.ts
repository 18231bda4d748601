/**
 * Story (a): an electronics firm reports a layoff of 200; the bimonthly joint meeting hears of it and the
 * union places the workers with a chip maker that is hiring. Some of the laid-off bring severance claims to
 * union mediation; two get hardship aid while still looking for work.
 */
import type { GenContext } from './context';
import type { Prng } from './prng';
import { isoOf } from './dates';
import { partyOf } from './dispute-model';
import { confirmationPlan, mediationPlan } from './lifecycle';
import { addMediation } from './cases-early';
import { addConfirmation } from './cases-late';
import { addLayoffReport } from './generate-hr';
import { addContract, addEnterpriseUnion } from './generate-union';
import { addConsultation, addHardshipAid, drawAidAmount } from './generate-services';
import { drawWorker } from './generate-workers';
import { industryByName } from './vocab-enterprises';
import { STORY_ENTERPRISE_RECORDS, STORY_LAYOFF_COUNT, STORY_TEXTS } from './story';
import { STORY_MEDIATOR, storyDispute } from './story-dispute';

/** (a) The layoff at the electronics firm and the placement with the chip maker. */
export function addLayoffStory(ctx: GenContext, prng: Prng): void {
  const A = ctx.asOf;
  const { electronicsLayoff: electronics, chipMakerHiring: chipMaker } = STORY_ENTERPRISE_RECORDS;
  const industry = industryByName(electronics.industry);
  // On the register: eighteen of the laid-off (twelve already placed with the chip maker, six still
  // looking), twelve who stay, and ten of the chip maker's own staff.
  const laidOff = Array.from({ length: 18 }, (_, i) => drawWorker(prng, ctx, i < 12 ? chipMaker : null, industry));
  for (let i = 0; i < 12; i++) drawWorker(prng, ctx, electronics, industry);
  for (let i = 0; i < 10; i++) drawWorker(prng, ctx, chipMaker, industryByName(chipMaker.industry));

  addConsultation(
    ctx,
    {
      worker: null,
      enterpriseCreditCode: electronics.creditCode,
      channel: 'ON_SITE',
      topic: '经济性裁员程序',
      answerSummary: STORY_TEXTS.layoffConsultationAnswer,
      consultedOn: isoOf(A - 50),
      referredToLegalAid: false,
      disputeNo: null,
    },
    undefined,
    true,
  );
  addLayoffReport(
    ctx,
    {
      enterpriseCreditCode: electronics.creditCode,
      plannedCount: STORY_LAYOFF_COUNT,
      reason: STORY_TEXTS.layoffReason,
      reportedOn: isoOf(A - 43),
      effectiveOn: isoOf(A - 10),
      placementPlan: STORY_TEXTS.placementPlan,
    },
    true,
  );

  const agreed = storyDispute(ctx, prng, 'UN', A - 9, 'electronicsLayoff', laidOff.slice(12, 15), ['SEVERANCE']);
  addMediation(ctx, prng, agreed, A - 9, mediationPlan(A - 9, A, 'AGREED', 5), STORY_MEDIATOR, STORY_TEXTS.layoffMediationNotes);
  addConfirmation(ctx, agreed, A - 2, confirmationPlan(A - 2, A, 10, false));
  const pending = storyDispute(ctx, prng, 'UN', A - 2, 'electronicsLayoff', [laidOff[15]!], ['SEVERANCE', 'OVERTIME']);
  addMediation(ctx, prng, pending, A - 2, mediationPlan(A - 2, A, 'AGREED', 10), STORY_MEDIATOR, STORY_TEXTS.layoffMediationNotes);
  for (const worker of laidOff.slice(16, 18)) {
    addHardshipAid(
      ctx,
      {
        recipient: partyOf(worker),
        enterpriseCreditCode: electronics.creditCode,
        kind: 'LIVING',
        amount: drawAidAmount(prng, 'LIVING'),
        grantedOn: isoOf(A - 5),
        reason: '企业经济性裁员后暂未再就业，家庭生活困难。',
      },
      true,
    );
  }

  for (const [e, founded, members] of [
    [electronics, '2008-04-22', 736],
    [chipMaker, '2017-06-30', 2388],
  ] as const) {
    addEnterpriseUnion(ctx, prng, e, { foundedOn: founded, memberCount: members });
  }
  addContract(ctx, electronics, 'COMPREHENSIVE', A - 528, A - 520, 550, 780, true);
  addContract(ctx, electronics, 'WAGE', A - 528, A - 520, 550, 780, true);
  addContract(ctx, chipMaker, 'COMPREHENSIVE', A - 210, A - 200, 600, 2500, true);
  addContract(ctx, chipMaker, 'WAGE', A - 210, A - 200, 600, 2500, true);
}
