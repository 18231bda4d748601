import { bounded, Dispute, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtRequestContext } from '../request-context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

/** The court's stages of a dispute. The root `dispute` query is hr-bureau's; the court only adds fields. */
@Resolver(() => Dispute)
export class DisputeCourtResolver {
  @FieldResolver(() => [Lawsuit], {
    nullable: true,
    description: bounded('Lawsuits of this dispute, first instance before appeal (COURT).', RECORDS_BOUND),
  })
  @Public()
  lawsuits(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'lawsuits') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.lawsuitsByDisputeNo.load(dispute.disputeNo));
  }

  @FieldResolver(() => [JudicialConfirmation], {
    nullable: true,
    description: bounded("Judicial confirmations of this dispute's mediation agreement (COURT).", RECORDS_BOUND),
  })
  @Public()
  judicialConfirmations(
    @Root() dispute: Dispute,
    @FirstArg(RECORDS_BOUND, 'confirmations') first: number,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.confirmationsByDisputeNo.load(dispute.disputeNo));
  }

  @FieldResolver(() => [EnforcementCase], {
    nullable: true,
    description: bounded('Enforcement cases of this dispute (COURT).', RECORDS_BOUND),
  })
  @Public()
  enforcementCases(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.enforcementByDisputeNo.load(dispute.disputeNo));
  }
}
