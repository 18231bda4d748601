import { Dispute, EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PeopleMediationCommittee } from '../committee/people-mediation-committee.entity';
import type { JusticeRequestContext } from '../request-context';
import { PeopleMediationCaseNoArgs } from './people-mediation.args';
import { PeopleMediationCase, PeopleMediationStatus } from './people-mediation-case.entity';
import {
  ClosePeopleMediationCaseInput,
  CreatePeopleMediationCaseInput,
  PeopleMediationCasesArgs,
  PeopleMediationCaseVersionInput,
  UpdatePeopleMediationCaseInput,
} from './people-mediation.input';
import * as service from './people-mediation.service';

@Resolver(() => PeopleMediationCase)
export class PeopleMediationCaseResolver extends RecordQueries({
  list: service.PEOPLE_MEDIATION_CASE_LIST,
  byKey: {
    name: 'peopleMediationCase',
    args: PeopleMediationCaseNoArgs,
    description: "A people's mediation case by its case number; null when there is none.",
  },
  name: 'peopleMediationCases',
  args: PeopleMediationCasesArgs,
  description:
    "People's mediation cases the filter matches, newest application first (same-day cases by case number); cursor pagination. " +
    "Each case's fields are read as anywhere else (SHARED ones only by the justice bureau or through a channel).",
  connection: "A page of people's mediation cases.",
}) {
  @Mutation(() => PeopleMediationCase, {
    description: "Registers an application for people's mediation, status APPLIED; the 15-day mediation period starts.",
  })
  createPeopleMediationCase(
    @Arg('input', { description: 'The application.' }) input: CreatePeopleMediationCaseInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.createPeopleMediationCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => PeopleMediationCase, {
    description: "Changes the summary or parties of an open people's mediation case (optimistic locking).",
  })
  updatePeopleMediationCase(
    @Arg('input', { description: 'The case, the version read and the changes.' }) input: UpdatePeopleMediationCaseInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.updatePeopleMediationCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => PeopleMediationCase, { description: 'Starts mediation of an APPLIED case (开始调解), status MEDIATING.' })
  startPeopleMediation(
    @Arg('input', { description: 'The case and the version read.' }) input: PeopleMediationCaseVersionInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.startPeopleMediation(ctx.em, input);
  }

  @Mutation(() => PeopleMediationCase, { description: 'Closes an APPLIED or MEDIATING case with its outcome (结案).' })
  closePeopleMediationCase(
    @Arg('input', { description: 'The case, the version read, the date and the outcome.' }) input: ClosePeopleMediationCaseInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.closePeopleMediationCase(ctx.em, input);
  }

  @FieldResolver(() => PeopleMediationCommittee, { description: 'The committee mediating the case (受理调委会).' })
  @Public()
  async committee(@Root() found: PeopleMediationCase, @Ctx() ctx: JusticeRequestContext): Promise<PeopleMediationCommittee> {
    // A case always has its committee (foreign key), so the loader finds it.
    return (await ctx.loaders.committeeById.load(found.committee.id))!;
  }

  @FieldResolver(() => EnterpriseKey, { description: "The employer in the dispute (用人单位), resolved by the enterprise file's owner." })
  @Public()
  enterprise(@Root() found: PeopleMediationCase): EnterpriseKey {
    return { creditCode: found.enterpriseCreditCode };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the 15-day mediation period (dueOn) has passed while the case is still open.' })
  @Public()
  overdue(@Root() found: PeopleMediationCase, @Ctx() ctx: JusticeRequestContext): boolean {
    return found.status !== PeopleMediationStatus.CLOSED && found.dueOn < ctx.today;
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: PeopleMediationCase): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
