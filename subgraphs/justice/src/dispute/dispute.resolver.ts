import { Dispute, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JusticeContext } from '../context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's stages of a dispute: legal aid and people's mediation. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => [LegalAidCase], { nullable: true, description: 'Legal-aid cases of this dispute (JUSTICE), newest first.' })
  @Public()
  legalAidCases(@Root() dispute: Dispute, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.legalAidByDisputeNo.load(dispute.disputeNo);
  }

  @FieldResolver(() => [PeopleMediationCase], { nullable: true, description: 'People\'s mediation cases of this dispute (JUSTICE), newest first.' })
  @Public()
  peopleMediationCases(@Root() dispute: Dispute, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.peopleMediationByDisputeNo.load(dispute.disputeNo);
  }
}
