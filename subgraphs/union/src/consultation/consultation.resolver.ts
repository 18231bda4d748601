import { Dispute, EnterpriseKey, Public } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { ConsultationNoArgs } from './consultation.args';
import { CreateLegalConsultationInput, UpdateLegalConsultationInput } from './consultation.input';
import { createLegalConsultation, updateLegalConsultation } from './consultation.service';
import { LegalConsultation } from './legal-consultation.entity';

@Resolver(() => LegalConsultation)
export class LegalConsultationResolver {
  @Query(() => LegalConsultation, { nullable: true, description: 'A legal consultation by its number; null when there is none.' })
  @Public()
  legalConsultation(@Args() { consultationNo }: ConsultationNoArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(LegalConsultation, { consultationNo });
  }

  @Mutation(() => LegalConsultation, { description: 'Records a legal consultation answered by the union (法律咨询).' })
  createLegalConsultation(@Arg('input', INPUT_ARG) input: CreateLegalConsultationInput, @Ctx() ctx: UnionRequestContext) {
    return createLegalConsultation(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => LegalConsultation, {
    description: 'Changes the answer, referral or dispute of a legal consultation (optimistic locking).',
  })
  updateLegalConsultation(@Arg('input', INPUT_ARG) input: UpdateLegalConsultationInput, @Ctx() ctx: UnionRequestContext) {
    return updateLegalConsultation(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { nullable: true, description: 'The enterprise concerned or asking, if any.' })
  @Public()
  enterprise(@Root() found: LegalConsultation): EnterpriseKey | null {
    return found.enterpriseCreditCode ? { creditCode: found.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => Dispute, { nullable: true, description: 'The dispute the question belongs to, if any.' })
  @Public()
  dispute(@Root() found: LegalConsultation): Dispute | null {
    return found.disputeNo ? { disputeNo: found.disputeNo } : null;
  }
}
