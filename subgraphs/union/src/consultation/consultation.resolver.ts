import { Dispute, EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { ConsultationNoArgs } from './consultation.args';
import { CreateLegalConsultationInput, LegalConsultationsArgs, UpdateLegalConsultationInput } from './consultation.input';
import { createLegalConsultation, LEGAL_CONSULTATION_LIST, updateLegalConsultation } from './consultation.service';
import { LegalConsultation } from './legal-consultation.entity';

@Resolver(() => LegalConsultation)
export class LegalConsultationResolver extends RecordQueries({
  list: LEGAL_CONSULTATION_LIST,
  byKey: {
    name: 'legalConsultation',
    args: ConsultationNoArgs,
    description: 'A legal consultation by its number; null when there is none.',
  },
  name: 'legalConsultations',
  args: LegalConsultationsArgs,
  description:
    'Legal consultations, the latest first (same day: by consultation number), filtered; cursor pagination. ' +
    "Every filter is on a PUBLIC field, open to every caller; each record's fields keep their own access rules.",
  connection: 'A page of legal consultations.',
}) {
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
