/**
 * Story (b): a builder owes 486,300 yuan to 58 migrant workers on a resettlement-housing project: a red
 * warning, a complaint inspection with overdue rectification, a collective mediation that lapses and goes to
 * arbitration, legal aid without a hardship check, emergency aid, and an earlier worker's case that went
 * through award, lawsuit and enforcement and made the court write a judicial suggestion.
 */
import type { GenContext } from './context';
import type { Prng } from './prng';
import { isoOf } from './dates';
import { wagePeriod, type Claim } from './claims';
import { yuanText } from './money';
import { partyOf } from './dispute-model';
import { arbitrationPlan, lawsuitPlan, legalAidPlan, mediationPlan } from './lifecycle';
import { addArbitration, addMediation } from './cases-early';
import { addEnforcement, addLawsuit, addLegalAid } from './cases-late';
import { addAlert, addInspection } from './generate-hr';
import { addConsultation, addHardshipAid, drawAidAmount, REFERRAL_ANSWER } from './generate-services';
import { drawWorker } from './generate-workers';
import { industryByName } from './vocab-enterprises';
import { STORY_ARREARS, STORY_ENTERPRISE_RECORDS, STORY_PROJECT, STORY_TEXTS } from './story';
import { STORY_LAWYER, STORY_MEDIATOR, storyDispute } from './story-dispute';

/** (b) Unpaid wages on the resettlement-housing project. */
export function addArrearsStory(ctx: GenContext, prng: Prng): void {
  const A = ctx.asOf;
  const builder = STORY_ENTERPRISE_RECORDS.constructionArrears;
  const industry = industryByName(builder.industry);
  const crew = Array.from({ length: 24 }, () => drawWorker(prng, ctx, builder, industry, { migrant: true }));

  // An earlier case: one worker's award, a lawsuit over the unmet part, and enforcement not yet done.
  const early = storyDispute(ctx, prng, 'HR', A - 95, 'constructionArrears', [crew[12]!], ['WAGES', 'DOUBLE_WAGES']);
  addArbitration(ctx, early, A - 95, arbitrationPlan(A - 95, A, { acceptDays: 2, outcome: 'AWARD', days: 35, extended: false }), 700);
  addLawsuit(ctx, prng, early, A - 50, lawsuitPlan(A - 50, A, 30, 'UPHELD', false), false);
  addEnforcement(ctx, early, A - 3, { closedDay: null, status: 'OPEN', recoveredPerMille: 0 });
  const suggestion = {
    suggestionNo: ctx.numbering.now('suggestion', A - 10),
    enterpriseCreditCode: builder.creditCode,
    recipientDepartment: 'HR_BUREAU' as const,
    subject: STORY_TEXTS.suggestionSubject,
    content: STORY_TEXTS.suggestionContent,
    issuedOn: isoOf(A - 10),
    repliedOn: null,
  };
  ctx.world.court.judicialSuggestions.push(suggestion);

  addAlert(
    ctx,
    {
      enterpriseCreditCode: builder.creditCode,
      project: STORY_PROJECT,
      amountFen: STORY_ARREARS.amountFen,
      workersAffected: STORY_ARREARS.workers,
      raisedOn: isoOf(A - 35),
      resolvedOn: null,
    },
    true,
  );
  addInspection(
    ctx,
    {
      enterpriseCreditCode: builder.creditCode,
      kind: 'COMPLAINT',
      inspectedOn: isoOf(A - 33),
      findings: STORY_TEXTS.inspectionFindings,
      violationFound: true,
      rectificationDueOn: isoOf(A - 18),
      closedOn: null,
      status: 'RECTIFYING',
    },
    true,
  );

  // Twelve of the crew go to the union together, for three months' wages of 8,385 yuan each (their share
  // of the 486,300 owed to 58); mediation lapses and they file for arbitration.
  const group = crew.slice(0, 12);
  const owedFen = group.length * 3 * 279_500;
  const claim: Claim = {
    kinds: ['WAGES'],
    text: `${group.length}名申请人共同请求：1.支付${wagePeriod(A - 30, 3)}拖欠工资${yuanText(owedFen)}。`,
    amountFen: owedFen,
    workerCount: group.length,
  };
  const collective = storyDispute(ctx, prng, 'UN', A - 30, 'constructionArrears', group, ['WAGES'], claim);
  addMediation(ctx, prng, collective, A - 30, mediationPlan(A - 30, A, 'LAPSED', 15), STORY_MEDIATOR, STORY_TEXTS.mediationNotes);
  addConsultation(
    ctx,
    {
      worker: partyOf(group[0]!),
      enterpriseCreditCode: builder.creditCode,
      channel: 'HOTLINE',
      topic: '拖欠工资争议维权',
      answerSummary: REFERRAL_ANSWER,
      consultedOn: isoOf(A - 16),
      referredToLegalAid: true,
      disputeNo: null,
    },
    collective,
  );
  for (const worker of group.slice(0, 4)) {
    const plan = legalAidPlan(A - 14, A, 2, false, null);
    addLegalAid(ctx, collective, {
      applicant: partyOf(worker),
      basis: 'MIGRANT_WAGE_CLAIM',
      appliedDay: A - 14,
      grantedDay: plan.grantedDay,
      status: plan.status,
      lawyer: STORY_LAWYER,
      hardshipEvidence: null,
    });
  }
  addArbitration(ctx, collective, A - 12, arbitrationPlan(A - 12, A, { acceptDays: 2, outcome: 'AWARD', days: 40, extended: false }), 1000);
  for (const worker of crew.slice(20, 23)) {
    addHardshipAid(
      ctx,
      {
        recipient: partyOf(worker),
        enterpriseCreditCode: builder.creditCode,
        kind: 'EMERGENCY',
        amount: drawAidAmount(prng, 'EMERGENCY'),
        grantedOn: isoOf(A - 20),
        reason: '企业欠薪期间生活无着，给予临时救助。',
      },
      true,
    );
  }
}
