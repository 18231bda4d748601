import { Dispute, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import type { UnionContext } from '../context';
import { MediationCase } from '../mediation/mediation-case.entity';

/** The union's stage of a dispute: its mediation and the consultations about it. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => [MediationCase], { nullable: true, description: 'Union mediation cases of this dispute (UNION), oldest first.' })
  @Public()
  mediationCases(@Root() dispute: Dispute, @Ctx() ctx: UnionContext) {
    return ctx.loaders.mediationByDisputeNo.load(dispute.disputeNo);
  }

  @FieldResolver(() => [LegalConsultation], { nullable: true, description: 'Legal consultations about this dispute (UNION), oldest first.' })
  @Public()
  legalConsultations(@Root() dispute: Dispute, @Ctx() ctx: UnionContext) {
    return ctx.loaders.consultationsByDisputeNo.load(dispute.disputeNo);
  }
}
