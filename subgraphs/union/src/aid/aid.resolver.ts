import { EnterpriseKey, Public } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { AidNoArgs } from './aid.args';
import { CreateHardshipAidInput, UpdateHardshipAidInput } from './aid.input';
import { createHardshipAid, updateHardshipAid } from './aid.service';
import { HardshipAid } from './hardship-aid.entity';

@Resolver(() => HardshipAid)
export class HardshipAidResolver {
  @Query(() => HardshipAid, { nullable: true, description: 'A hardship aid record by its number; null when there is none.' })
  @Public()
  hardshipAid(@Args() { aidNo }: AidNoArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(HardshipAid, { aidNo });
  }

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
