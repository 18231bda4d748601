import { EnterpriseKey, Public } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionContext } from '../context';
import { UnionOrganizationIdArgs, UnionOrganizationsArgs } from './organization.args';
import { CreateUnionOrganizationInput, UpdateUnionOrganizationInput } from './organization.input';
import { createUnionOrganization, updateUnionOrganization } from './organization.service';
import { UnionOrganization } from './union-organization.entity';

@Resolver(() => UnionOrganization)
export class UnionOrganizationResolver {
  @Query(() => UnionOrganization, { nullable: true, description: 'A grassroots union by its identifier; null when there is none.' })
  @Public()
  unionOrganization(@Args() { id }: UnionOrganizationIdArgs, @Ctx() ctx: UnionContext) {
    return ctx.em.findOne(UnionOrganization, { id });
  }

  @Query(() => [UnionOrganization], { description: 'The grassroots unions of one district or town, by name.' })
  @Public()
  unionOrganizations(@Args() { district }: UnionOrganizationsArgs, @Ctx() ctx: UnionContext) {
    return ctx.em.find(UnionOrganization, { district }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  @Mutation(() => UnionOrganization, { description: 'Registers a grassroots union and the enterprises it covers (建会).' })
  createUnionOrganization(@Arg('input', INPUT_ARG) input: CreateUnionOrganizationInput, @Ctx() ctx: UnionContext) {
    return createUnionOrganization(ctx.em, input);
  }

  @Mutation(() => UnionOrganization, { description: 'Changes a grassroots union: name, chair, members or covered enterprises (optimistic locking).' })
  updateUnionOrganization(@Arg('input', INPUT_ARG) input: UpdateUnionOrganizationInput, @Ctx() ctx: UnionContext) {
    return updateUnionOrganization(ctx.em, input);
  }

  @FieldResolver(() => [EnterpriseKey], { description: 'The enterprises it covers, as federated enterprises of the file.' })
  @Public()
  enterprises(@Root() found: UnionOrganization): EnterpriseKey[] {
    return found.enterpriseCreditCodes.map((creditCode) => ({ creditCode }));
  }
}
