import { Dispute, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtContext } from '../context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

/** The court's stages of a dispute. The root `dispute` query is hr-bureau's; the court only adds fields. */
@Resolver(() => Dispute)
export class DisputeCourtResolver {
  @FieldResolver(() => [Lawsuit], { nullable: true, description: 'Lawsuits of this dispute, first instance before appeal (COURT).' })
  @Public()
  lawsuits(@Root() dispute: Dispute, @Ctx() ctx: CourtContext) {
    return ctx.loaders.lawsuitsByDisputeNo.load(dispute.disputeNo);
  }

  @FieldResolver(() => [JudicialConfirmation], { nullable: true, description: 'Judicial confirmations of this dispute\'s mediation agreement (COURT).' })
  @Public()
  judicialConfirmations(@Root() dispute: Dispute, @Ctx() ctx: CourtContext) {
    return ctx.loaders.confirmationsByDisputeNo.load(dispute.disputeNo);
  }

  @FieldResolver(() => [EnforcementCase], { nullable: true, description: 'Enforcement cases of this dispute (COURT).' })
  @Public()
  enforcementCases(@Root() dispute: Dispute, @Ctx() ctx: CourtContext) {
    return ctx.loaders.enforcementByDisputeNo.load(dispute.disputeNo);
  }
}
