import { bounded, ConnectionType, listPage, Dispute, EnterpriseKey, PAGE_BOUND, Public } from '@labour/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { MediationCase, MediationStatus } from './mediation-case.entity';
import { MediationCaseNoArgs } from './mediation.args';
import {
  CloseMediationCaseInput,
  CreateMediationCaseInput,
  MediationCasesArgs,
  StartMediationInput,
  UpdateMediationCaseInput,
} from './mediation.input';
import * as service from './mediation.service';

const MediationCaseConnection = ConnectionType(MediationCase, 'MediationCase', 'A page of union mediation cases.');

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  @Query(() => MediationCase, { nullable: true, description: 'A union mediation case by its case number; null when there is none.' })
  @Public()
  mediationCase(@Args() { caseNo }: MediationCaseNoArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(MediationCase, { caseNo });
  }

  @Query(() => MediationCaseConnection, {
    description: bounded(
      'Union mediation cases, newest application first (same day: by case number), filtered; cursor pagination. ' +
        "Filters on PUBLIC fields are open to every caller; each case's fields keep their own access rules.",
      PAGE_BOUND,
    ),
  })
  @Public()
  mediationCases(@Args() args: MediationCasesArgs, @Ctx() ctx: UnionRequestContext, @Info() info: GraphQLResolveInfo) {
    return listPage(ctx.em, service.MEDIATION_CASE_LIST, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
  }

  @Mutation(() => MediationCase, {
    description: 'Registers an application for mediation (调解申请), status APPLIED; an agreement is due within 15 days.',
  })
  createMediationCase(@Arg('input', INPUT_ARG) input: CreateMediationCaseInput, @Ctx() ctx: UnionRequestContext) {
    return service.createMediationCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => MediationCase, { description: 'Changes the claims, mediation record or mediator of an open case (optimistic locking).' })
  updateMediationCase(@Arg('input', INPUT_ARG) input: UpdateMediationCaseInput, @Ctx() ctx: UnionRequestContext) {
    return service.updateMediationCase(ctx.em, input);
  }

  @Mutation(() => MediationCase, { description: 'Starts mediation of an APPLIED case (开始调解): status MEDIATING.' })
  startMediation(@Arg('input', INPUT_ARG) input: StartMediationInput, @Ctx() ctx: UnionRequestContext) {
    return service.startMediation(ctx.em, input);
  }

  @Mutation(() => MediationCase, { description: 'Closes a mediation case (结案) with its outcome; an agreement needs its text.' })
  closeMediationCase(@Arg('input', INPUT_ARG) input: CloseMediationCaseInput, @Ctx() ctx: UnionRequestContext) {
    return service.closeMediationCase(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { description: 'The employer the workers are in dispute with (被申请单位).' })
  @Public()
  enterprise(@Root() found: MediationCase): EnterpriseKey {
    return { creditCode: found.enterpriseCreditCode };
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: MediationCase): Dispute {
    return { disputeNo: found.disputeNo };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the 15-day mediation period (dueOn) has passed while the case is still open.' })
  @Public()
  overdue(@Root() found: MediationCase, @Ctx() ctx: UnionRequestContext): boolean {
    return found.status !== MediationStatus.CLOSED && found.dueOn < ctx.today;
  }
}
