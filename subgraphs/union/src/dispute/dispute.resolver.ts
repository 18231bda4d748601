import { bounded, Dispute, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import type { UnionRequestContext } from '../request-context';
import { MediationCase } from '../mediation/mediation-case.entity';

/** The union's stage of a dispute: its mediation and the consultations about it. */
@Resolver(() => Dispute)
export class DisputeResolver {
  @FieldResolver(() => [MediationCase], {
    nullable: true,
    description: bounded('Union mediation cases of this dispute (UNION), oldest first.', RECORDS_BOUND),
  })
  @Public()
  mediationCases(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.mediationByDisputeNo.load(dispute.disputeNo));
  }

  @FieldResolver(() => [LegalConsultation], {
    nullable: true,
    description: bounded('Legal consultations about this dispute (UNION), oldest first.', RECORDS_BOUND),
  })
  @Public()
  legalConsultations(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'consultations') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.consultationsByDisputeNo.load(dispute.disputeNo));
  }
}
