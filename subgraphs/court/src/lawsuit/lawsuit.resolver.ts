import { capped, Dispute, EnterpriseKey, isOverdue, ListCap, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CourtRequestContext } from '../request-context';
import { LawsuitCaseNoArgs } from './lawsuit.args';
import { Lawsuit, MAX_DEFENDANTS } from './lawsuit.entity';
import { AppealLawsuitInput, CloseLawsuitInput, RecordLawsuitJudgmentInput } from './lawsuit-stage.input';
import { CreateLawsuitInput, LawsuitVersionInput, UpdateLawsuitInput } from './lawsuit.input';
import { LawsuitsArgs } from './lawsuit-list.input';
import * as service from './lawsuit.service';

@Resolver(() => Lawsuit)
export class LawsuitResolver extends RecordQueries({
  list: service.LAWSUIT_LIST,
  byKey: { name: 'lawsuit', args: LawsuitCaseNoArgs, description: 'A labour lawsuit by its case number; null when there is none.' },
  name: 'lawsuits',
  args: LawsuitsArgs,
  description:
    'Labour lawsuits, newest filed first (same day: by case number), filtered by stage, instance, outcome, dates, ' +
    'overdue, defendant and dispute; cursor pagination. Each lawsuit reads as it does by `lawsuit(caseNo)`.',
  connection: 'A page of labour lawsuits, newest filed first.',
}) {
  @Mutation(() => Lawsuit, { description: 'Files a labour lawsuit (立案), stage FILED; the trial is due within 6 months (3 on appeal).' })
  createLawsuit(@Arg('input', { description: 'The lawsuit to file.' }) input: CreateLawsuitInput, @Ctx() ctx: CourtRequestContext) {
    return service.createLawsuit(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => Lawsuit, { description: 'Changes the cause, parties or privacy of a lawsuit (optimistic locking).' })
  updateLawsuit(
    @Arg('input', { description: 'The lawsuit, the version read and the changes.' }) input: UpdateLawsuitInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.updateLawsuit(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => Lawsuit, { description: 'Opens the trial of a FILED lawsuit (开庭审理): FILED → IN_TRIAL.' })
  startLawsuitTrial(
    @Arg('input', { description: 'The lawsuit and the version read.' }) input: LawsuitVersionInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.startLawsuitTrial(ctx.em, input);
  }

  @Mutation(() => Lawsuit, {
    description: 'Records the judgment of a lawsuit IN_TRIAL (判决): → JUDGED; at first instance the 15-day appeal period starts.',
  })
  recordLawsuitJudgment(
    @Arg('input', { description: 'The lawsuit, the version read and the judgment.' }) input: RecordLawsuitJudgmentInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.recordLawsuitJudgment(ctx.em, input);
  }

  @Mutation(() => Lawsuit, {
    description: 'Records an appeal against a first-instance judgment within the appeal period (上诉): JUDGED → APPEALED.',
  })
  appealLawsuit(
    @Arg('input', { description: 'The lawsuit, the version read and the date of the appeal.' }) input: AppealLawsuitInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.appealLawsuit(ctx.em, input);
  }

  @Mutation(() => Lawsuit, {
    description:
      'Closes a lawsuit (结案): by settlement or withdrawal before judgment, once the appeal period has passed, or after the appeal.',
  })
  closeLawsuit(
    @Arg('input', { description: 'The lawsuit, the version read and how it ended.' }) input: CloseLawsuitInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.closeLawsuit(ctx.em, input);
  }

  @FieldResolver(() => [EnterpriseKey], { description: capped('The defendant employers (被告).', MAX_DEFENDANTS, 'a suit names no more') })
  @Public()
  @ListCap(MAX_DEFENDANTS)
  defendants(@Root() found: Lawsuit): EnterpriseKey[] {
    return found.defendantCreditCodes.map((creditCode) => ({ creditCode }));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the legal deadline of the current stage (dueOn) has passed.' })
  @Public()
  overdue(@Root() found: Lawsuit, @Ctx() ctx: CourtRequestContext): boolean {
    return isOverdue(found.dueOn, ctx.today);
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: Lawsuit): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
