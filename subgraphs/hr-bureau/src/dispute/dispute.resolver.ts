import { bounded, Dispute, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import type { HrRequestContext } from '../request-context';
import { DisputeNoArgs } from './dispute.args';

@Resolver(() => Dispute)
export class DisputeResolver {
  @Query(() => Dispute, {
    description:
      "A dispute by its number, with every department's stage of it. The number is checked for form; a dispute no department knows has only empty lists.",
  })
  @Public()
  dispute(@Args() { disputeNo }: DisputeNoArgs): Dispute {
    return { disputeNo };
  }

  @FieldResolver(() => [ArbitrationCase], {
    nullable: true,
    description: bounded('Arbitration cases of this dispute (HR_BUREAU).', RECORDS_BOUND),
  })
  @Public()
  arbitrationCases(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.arbitrationByDisputeNo.load(dispute.disputeNo));
  }
}
