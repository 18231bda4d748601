import { bounded, capped, EnterpriseKey, ListCap, Public, sizeWithin } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { UNION_ORGANIZATIONS_BOUND, UnionOrganizationIdArgs, UnionOrganizationsArgs } from './organization.args';
import { CreateUnionOrganizationInput, UpdateUnionOrganizationInput } from './organization.input';
import { createUnionOrganization, updateUnionOrganization } from './organization.service';
import { MAX_COVERED_ENTERPRISES, UnionOrganization } from './union-organization.entity';

@Resolver(() => UnionOrganization)
export class UnionOrganizationResolver {
  @Query(() => UnionOrganization, { nullable: true, description: 'A grassroots union by its identifier; null when there is none.' })
  @Public()
  unionOrganization(@Args() { id }: UnionOrganizationIdArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(UnionOrganization, { id });
  }

  @Query(() => [UnionOrganization], {
    description: bounded('The grassroots unions of one district or town, by name.', UNION_ORGANIZATIONS_BOUND),
  })
  @Public()
  unionOrganizations(@Args() { district, first }: UnionOrganizationsArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.find(
      UnionOrganization,
      { district },
      { orderBy: { name: 'asc', id: 'asc' }, limit: sizeWithin(UNION_ORGANIZATIONS_BOUND, first) },
    );
  }

  @Mutation(() => UnionOrganization, { description: 'Registers a grassroots union and the enterprises it covers (建会).' })
  createUnionOrganization(@Arg('input', INPUT_ARG) input: CreateUnionOrganizationInput, @Ctx() ctx: UnionRequestContext) {
    return createUnionOrganization(ctx.em, input);
  }

  @Mutation(() => UnionOrganization, {
    description: 'Changes a grassroots union: name, chair, members or covered enterprises (optimistic locking).',
  })
  updateUnionOrganization(@Arg('input', INPUT_ARG) input: UpdateUnionOrganizationInput, @Ctx() ctx: UnionRequestContext) {
    return updateUnionOrganization(ctx.em, input);
  }

  @FieldResolver(() => [EnterpriseKey], {
    description: capped(
      'The enterprises it covers, as federated enterprises of the file.',
      MAX_COVERED_ENTERPRISES,
      'a union covers no more',
    ),
  })
  @Public()
  @ListCap(MAX_COVERED_ENTERPRISES)
  enterprises(@Root() found: UnionOrganization): EnterpriseKey[] {
    return found.enterpriseCreditCodes.map((creditCode) => ({ creditCode }));
  }
}
