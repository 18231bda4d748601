import { Dispute, Public } from '@labour/shared';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import type { HrContext } from '../context';
import { DisputeNoArgs } from './dispute.args';

@Resolver(() => Dispute)
export class DisputeResolver {
  @Query(() => Dispute, {
    description: 'A dispute by its number, with every department\'s stage of it. The number is checked for form; a dispute no department knows has only empty lists.',
  })
  @Public()
  dispute(@Args() { disputeNo }: DisputeNoArgs): Dispute {
    return { disputeNo };
  }

  @FieldResolver(() => [ArbitrationCase], { nullable: true, description: 'Arbitration cases of this dispute (HR_BUREAU).' })
  @Public()
  arbitrationCases(@Root() dispute: Dispute, @Ctx() ctx: HrContext) {
    return ctx.loaders.arbitrationByDisputeNo.load(dispute.disputeNo);
  }
}
