import { Dispute, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { ArbitrationCaseNoArgs } from './arbitration.args';
import { ArbitrationCase } from './arbitration-case.entity';
import {
  ArbitrationCasesArgs,
  ArbitrationCaseVersionInput,
  ArbitrationDecisionInput,
  CloseArbitrationCaseInput,
  CreateArbitrationCaseInput,
  UpdateArbitrationCaseInput,
} from './arbitration.input';
import * as service from './arbitration.service';

@Resolver(() => ArbitrationCase)
export class ArbitrationCaseResolver extends RecordQueries({
  list: service.ARBITRATION_CASE_LIST,
  byKey: {
    name: 'arbitrationCase',
    args: ArbitrationCaseNoArgs,
    description: 'An arbitration case by its case number; null when there is none.',
  },
  name: 'arbitrationCases',
  args: ArbitrationCasesArgs,
  description:
    'Arbitration cases that the filter matches, newest filing first (same-day cases by case number); cursor pagination. ' +
    "Each case's fields keep their own data classes. A filter on a non-PUBLIC field is FORBIDDEN to all but HR_BUREAU staff.",
  connection: 'A page of arbitration cases.',
}) {
  @Mutation(() => ArbitrationCase, {
    description: 'Registers an arbitration application (立案申请), status FILED; the acceptance decision is due in 5 days.',
  })
  createArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateArbitrationCaseInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.createArbitrationCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => ArbitrationCase, { description: 'Changes the claims of an open arbitration case (optimistic locking).' })
  updateArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateArbitrationCaseInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.updateArbitrationCase(ctx.em, input);
  }

  @Mutation(() => ArbitrationCase, { description: 'Accepts a FILED case (受理); the award becomes due 45 days later.' })
  acceptArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: ArbitrationDecisionInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.acceptArbitrationCase(ctx.em, input);
  }

  @Mutation(() => ArbitrationCase, { description: 'Declines a FILED case (不予受理); it ends with outcome NOT_ACCEPTED.' })
  declineArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: ArbitrationDecisionInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.declineArbitrationCase(ctx.em, input);
  }

  @Mutation(() => ArbitrationCase, { description: 'Extends the award deadline of an ACCEPTED case once, by 15 days (延期).' })
  extendArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: ArbitrationCaseVersionInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.extendArbitrationCase(ctx.em, input);
  }

  @Mutation(() => ArbitrationCase, { description: 'Closes an ACCEPTED case by award, settlement or withdrawal (结案).' })
  closeArbitrationCase(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CloseArbitrationCaseInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return service.closeArbitrationCase(ctx.em, input);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The respondent employer (被申请人).' })
  @Public()
  respondent(@Root() found: ArbitrationCase, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.enterpriseById.load(found.respondent.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the legal deadline of the current stage (dueOn) has passed without a decision.' })
  @Public()
  overdue(@Root() found: ArbitrationCase, @Ctx() ctx: HrRequestContext): boolean {
    return found.dueOn !== null && found.dueOn < ctx.today;
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: ArbitrationCase): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
