import { EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { CollectiveContract } from './collective-contract.entity';
import { ContractNoArgs } from './contract.args';
import { CollectiveContractsArgs, CreateCollectiveContractInput, UpdateCollectiveContractInput } from './contract.input';
import { createCollectiveContract, COLLECTIVE_CONTRACT_LIST, updateCollectiveContract } from './contract.service';

@Resolver(() => CollectiveContract)
export class CollectiveContractResolver extends RecordQueries({
  list: COLLECTIVE_CONTRACT_LIST,
  byKey: { name: 'collectiveContract', args: ContractNoArgs, description: 'A collective contract by its number; null when there is none.' },
  name: 'collectiveContracts',
  args: CollectiveContractsArgs,
  description:
    'Collective contracts, the latest filed first (same day: by contract number), filtered; cursor pagination. ' +
    "Every filter is on a PUBLIC field, open to every caller; each contract's fields keep their own access rules.",
  connection: 'A page of collective contracts.',
}) {
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
