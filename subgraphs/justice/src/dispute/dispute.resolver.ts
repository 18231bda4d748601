import { bounded, Dispute, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JusticeRequestContext } from '../request-context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's stages of a dispute: legal aid and people's mediation. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => [LegalAidCase], {
    nullable: true,
    description: bounded('Legal-aid cases of this dispute (JUSTICE), newest first.', RECORDS_BOUND),
  })
  @Public()
  legalAidCases(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.legalAidByDisputeNo.load(dispute.disputeNo));
  }

  @FieldResolver(() => [PeopleMediationCase], {
    nullable: true,
    description: bounded("People's mediation cases of this dispute (JUSTICE), newest first.", RECORDS_BOUND),
  })
  @Public()
  peopleMediationCases(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.peopleMediationByDisputeNo.load(dispute.disputeNo));
  }
}
