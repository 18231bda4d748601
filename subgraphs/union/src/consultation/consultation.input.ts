import {
  DateRange,
  DateScalar,
  IsDisputeNo,
  IsUscc,
  NotInFuture,
  PartyInput,
  VersionField,
  ListArgs,
  DisputeNosFilterField,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConsultationChannel } from './legal-consultation.entity';

@InputType({ description: 'A legal consultation to record (法律咨询); names the worker who asked, the enterprise, or both.' })
export class CreateLegalConsultationInput {
  @Field({ description: 'Consultation number (咨询编号), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  consultationNo: string;

  @Field(() => PartyInput, { nullable: true, description: 'The worker who asked; leave out when an enterprise asked.' })
  @IsOptional()
  @ValidateNested()
  worker?: PartyInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of the enterprise concerned or asking; required when no worker is named.',
  })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;

  @Field(() => ConsultationChannel, { description: 'How the question came in.' })
  channel: ConsultationChannel;

  @Field({ description: 'Topic, 1 to 200 characters.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  topic: string;

  @Field({ description: 'Summary of the answer, 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  answerSummary: string;

  @Field(() => DateScalar, { description: 'Date of the consultation; not in the future.' })
  @NotInFuture()
  consultedOn: string;

  @Field({ defaultValue: false, description: 'Whether the worker was referred to legal aid (转介法律援助).' })
  referredToLegalAid: boolean;

  @Field(() => String, { nullable: true, description: 'Dispute number (争议编号) when the question belongs to a dispute.' })
  @IsOptional()
  @IsDisputeNo()
  disputeNo?: string | null;
}

@InputType({ description: 'Changes to a legal consultation; fields left out stay as they are.' })
export class UpdateLegalConsultationInput {
  @Field({ description: 'Consultation number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  consultationNo: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New answer summary.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  answerSummary?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the worker was referred to legal aid.' })
  @IsOptional()
  referredToLegalAid?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Dispute number the question turned out to belong to.' })
  @IsOptional()
  @IsDisputeNo()
  disputeNo?: string | null;
}

@InputType({ description: 'Which legal consultations to list: every condition given must hold; a condition left out does not filter.' })
export class LegalConsultationFilter {
  @AnyOfFilterField(() => ConsultationChannel, 'Only consultations that came in one of these ways.')
  channel?: ConsultationChannel[] | null;

  @DateRangeFilterField('Only consultations within this span (consultedOn).')
  consultedOn?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those referred to legal aid; false: only the others.' })
  referredToLegalAid?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only consultations concerning (or asked by) the enterprise of this credit code.' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class LegalConsultationsArgs extends ListArgs(LegalConsultationFilter, 'consultations') {}
