import { bounded, ConnectionType, EnterpriseKey, firstOf, FirstArg, PAGE_BOUND, Public, RECORDS_BOUND } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { JusticeRequestContext } from '../request-context';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';
import {
  CommitteeCodeArgs,
  CreatePeopleMediationCommitteeInput,
  PeopleMediationCommitteesArgs,
  UpdatePeopleMediationCommitteeInput,
} from './committee.input';
import { createCommittee, listCommittees, updateCommittee } from './committee.service';
import { PeopleMediationCommittee } from './people-mediation-committee.entity';

const PeopleMediationCommitteeConnection = ConnectionType(
  PeopleMediationCommittee,
  'PeopleMediationCommittee',
  "A page of people's mediation committees.",
);

@Resolver(() => PeopleMediationCommittee)
export class PeopleMediationCommitteeResolver {
  @Query(() => PeopleMediationCommittee, {
    nullable: true,
    description: "A people's mediation committee by its code; null when there is none.",
  })
  @Public()
  peopleMediationCommittee(@Args() { code }: CommitteeCodeArgs, @Ctx() ctx: JusticeRequestContext) {
    return ctx.loaders.committeeByCode.load(code);
  }

  @Query(() => PeopleMediationCommitteeConnection, {
    description: bounded("People's mediation committees in code order, filtered by level and district; cursor pagination.", PAGE_BOUND),
  })
  @Public()
  peopleMediationCommittees(@Args() args: PeopleMediationCommitteesArgs, @Ctx() ctx: JusticeRequestContext) {
    return listCommittees(ctx.em, args);
  }

  @Mutation(() => PeopleMediationCommittee, { description: "Registers a people's mediation committee. JUSTICE only." })
  createPeopleMediationCommittee(
    @Arg('input', { description: 'The committee.' }) input: CreatePeopleMediationCommitteeInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return createCommittee(ctx.em, input);
  }

  @Mutation(() => PeopleMediationCommittee, { description: "Changes a people's mediation committee (optimistic locking). JUSTICE only." })
  updatePeopleMediationCommittee(
    @Arg('input', { description: 'The committee, the version read and the changes.' }) input: UpdatePeopleMediationCommitteeInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return updateCommittee(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, {
    nullable: true,
    description: 'The enterprise of an ENTERPRISE-level committee; null for the other levels.',
  })
  @Public()
  enterprise(@Root() committee: PeopleMediationCommittee): EnterpriseKey | null {
    return committee.enterpriseCreditCode ? { creditCode: committee.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => [PeopleMediationCase], { description: bounded('Cases brought before this committee, newest first.', RECORDS_BOUND) })
  @Public()
  cases(@Root() committee: PeopleMediationCommittee, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.peopleMediationByCommitteeId.load(committee.id));
  }
}
