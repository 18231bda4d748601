import { EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { AidNoArgs } from './aid.args';
import { CreateHardshipAidInput, HardshipAidsArgs, UpdateHardshipAidInput } from './aid.input';
import { createHardshipAid, HARDSHIP_AID_LIST, updateHardshipAid } from './aid.service';
import { HardshipAid } from './hardship-aid.entity';

@Resolver(() => HardshipAid)
export class HardshipAidResolver extends RecordQueries({
  list: HARDSHIP_AID_LIST,
  byKey: { name: 'hardshipAid', args: AidNoArgs, description: 'A hardship aid record by its number; null when there is none.' },
  name: 'hardshipAids',
  args: HardshipAidsArgs,
  description:
    'Hardship aid, the latest grant first (same day: by aid number), filtered; cursor pagination. Filters on PUBLIC fields ' +
    "are open to every caller, the one on the SHARED amount to the union's staff; each record's fields keep their own access rules.",
  connection: 'A page of hardship aid records.',
}) {
  @Mutation(() => HardshipAid, { description: 'Records hardship aid granted to a worker (困难职工帮扶).' })
  createHardshipAid(@Arg('input', INPUT_ARG) input: CreateHardshipAidInput, @Ctx() ctx: UnionRequestContext) {
    return createHardshipAid(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => HardshipAid, { description: 'Corrects a hardship aid record (optimistic locking).' })
  updateHardshipAid(@Arg('input', INPUT_ARG) input: UpdateHardshipAidInput, @Ctx() ctx: UnionRequestContext) {
    return updateHardshipAid(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { nullable: true, description: "The recipient's employer, if recorded." })
  @Public()
  enterprise(@Root() found: HardshipAid): EnterpriseKey | null {
    return found.enterpriseCreditCode ? { creditCode: found.enterpriseCreditCode } : null;
  }
}
