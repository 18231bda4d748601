import { bounded, ConnectionType, listPage, EnterpriseKey, PAGE_BOUND, Public } from '@labour/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { CollectiveContract } from './collective-contract.entity';
import { ContractNoArgs } from './contract.args';
import { CollectiveContractsArgs, CreateCollectiveContractInput, UpdateCollectiveContractInput } from './contract.input';
import { createCollectiveContract, COLLECTIVE_CONTRACT_LIST, updateCollectiveContract } from './contract.service';

const CollectiveContractConnection = ConnectionType(CollectiveContract, 'CollectiveContract', 'A page of collective contracts.');

@Resolver(() => CollectiveContract)
export class CollectiveContractResolver {
  @Query(() => CollectiveContract, { nullable: true, description: 'A collective contract by its number; null when there is none.' })
  @Public()
  collectiveContract(@Args() { contractNo }: ContractNoArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(CollectiveContract, { contractNo });
  }

  @Query(() => CollectiveContractConnection, {
    description: bounded(
      'Collective contracts, the latest filed first (same day: by contract number), filtered; cursor pagination. ' +
        "Every filter is on a PUBLIC field, open to every caller; each contract's fields keep their own access rules.",
      PAGE_BOUND,
    ),
  })
  @Public()
  collectiveContracts(@Args() args: CollectiveContractsArgs, @Ctx() ctx: UnionRequestContext, @Info() info: GraphQLResolveInfo) {
    return listPage(ctx.em, COLLECTIVE_CONTRACT_LIST, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
  }

  @Mutation(() => CollectiveContract, {
    description: 'Records a filed collective contract; it takes effect 15 days after filing unless a later date is given.',
  })
  createCollectiveContract(@Arg('input', INPUT_ARG) input: CreateCollectiveContractInput, @Ctx() ctx: UnionRequestContext) {
    return createCollectiveContract(ctx.em, input);
  }

  @Mutation(() => CollectiveContract, {
    description: 'Changes the expiry, wage increase or coverage of a collective contract (optimistic locking).',
  })
  updateCollectiveContract(@Arg('input', INPUT_ARG) input: UpdateCollectiveContractInput, @Ctx() ctx: UnionRequestContext) {
    return updateCollectiveContract(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { description: 'The enterprise bound by the contract.' })
  @Public()
  enterprise(@Root() found: CollectiveContract): EnterpriseKey {
    return { creditCode: found.enterpriseCreditCode };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the contract is in force today (effectiveOn ≤ today ≤ expiresOn, 生效中).' })
  @Public()
  inForce(@Root() found: CollectiveContract, @Ctx() ctx: UnionRequestContext): boolean {
    return found.effectiveOn <= ctx.today && ctx.today <= found.expiresOn;
  }
}
