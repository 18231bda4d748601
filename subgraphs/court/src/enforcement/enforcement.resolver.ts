import { Dispute, EnterpriseKey, isOverdue, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CourtRequestContext } from '../request-context';
import { EnforcementCaseNoArgs } from './enforcement.args';
import { EnforcementCase } from './enforcement-case.entity';
import { CloseEnforcementCaseInput, CreateEnforcementCaseInput, UpdateEnforcementCaseInput } from './enforcement.input';
import { EnforcementCasesArgs } from './enforcement-list.input';
import * as service from './enforcement.service';

@Resolver(() => EnforcementCase)
export class EnforcementCaseResolver extends RecordQueries({
  list: service.ENFORCEMENT_CASE_LIST,
  byKey: {
    name: 'enforcementCase',
    args: EnforcementCaseNoArgs,
    description: 'An enforcement case by its case number; null when there is none.',
  },
  name: 'enforcementCases',
  args: EnforcementCasesArgs,
  description:
    'Enforcement cases, newest filed first (same day: by case number), filtered by status, dates, overdue, respondent, ' +
    "decision enforced, dispute and (the court's own staff) amount; cursor pagination. " +
    'Each case reads as it does by `enforcementCase(caseNo)`.',
  connection: 'A page of enforcement cases, newest filed first.',
}) {
  @Mutation(() => EnforcementCase, { description: 'Files an enforcement case (执行立案), status OPEN; it is due within 6 months.' })
  createEnforcementCase(
    @Arg('input', { description: 'The enforcement case to file.' }) input: CreateEnforcementCaseInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.createEnforcementCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => EnforcementCase, { description: 'Changes the amounts of an OPEN enforcement case (optimistic locking).' })
  updateEnforcementCase(
    @Arg('input', { description: 'The case, the version read and the new amounts.' }) input: UpdateEnforcementCaseInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.updateEnforcementCase(ctx.em, input);
  }

  @Mutation(() => EnforcementCase, { description: 'Closes an OPEN enforcement case (结案): CONCLUDED or TERMINATED_NO_ASSETS.' })
  closeEnforcementCase(
    @Arg('input', { description: 'The case, the version read and how it ended.' }) input: CloseEnforcementCaseInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.closeEnforcementCase(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { description: 'The employer against whom enforcement runs (被执行人).' })
  @Public()
  respondent(@Root() found: EnforcementCase): EnterpriseKey {
    return { creditCode: found.respondentCreditCode };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the enforcement deadline (dueOn) has passed while the case is open.' })
  @Public()
  overdue(@Root() found: EnforcementCase, @Ctx() ctx: CourtRequestContext): boolean {
    return isOverdue(found.dueOn, ctx.today);
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: EnforcementCase): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
