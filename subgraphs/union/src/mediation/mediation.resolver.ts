import { Dispute, EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
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

@Resolver(() => MediationCase)
export class MediationCaseResolver extends RecordQueries({
  list: service.MEDIATION_CASE_LIST,
  byKey: {
    name: 'mediationCase',
    args: MediationCaseNoArgs,
    description: 'A union mediation case by its case number; null when there is none.',
  },
  name: 'mediationCases',
  args: MediationCasesArgs,
  description:
    'Union mediation cases, newest application first (same day: by case number), filtered; cursor pagination. ' +
    "Filters on PUBLIC fields are open to every caller; each case's fields keep their own access rules.",
  connection: 'A page of union mediation cases.',
}) {
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
