import {
  BooleanFilterField,
  CreditCodeInputField,
  DateRange,
  DisputeNoInputField,
  PartyInput,
  PartyInputField,
  PastDateInputField,
  TextInputField,
  VersionField,
  ListArgs,
  DisputeNosFilterField,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConsultationChannel } from './legal-consultation.entity';

@InputType({ description: 'A legal consultation to record (法律咨询); names the worker who asked, the enterprise, or both.' })
export class CreateLegalConsultationInput {
  @TextInputField('Consultation number (咨询编号), 1 to 40 characters.', 40)
  consultationNo: string;

  @PartyInputField('The worker who asked; leave out when an enterprise asked.', { nullable: true })
  worker?: PartyInput | null;

  @CreditCodeInputField('Credit code of the enterprise concerned or asking; required when no worker is named.', { nullable: true })
  enterpriseCreditCode?: string | null;

  @Field(() => ConsultationChannel, { description: 'How the question came in.' })
  channel: ConsultationChannel;

  @TextInputField('Topic, 1 to 200 characters.', 200)
  topic: string;

  @TextInputField('Summary of the answer, 1 to 4000 characters.', 4000)
  answerSummary: string;

  @PastDateInputField('Date of the consultation; not in the future.')
  consultedOn: string;

  @Field({ defaultValue: false, description: 'Whether the worker was referred to legal aid (转介法律援助).' })
  referredToLegalAid: boolean;

  @DisputeNoInputField('Dispute number (争议编号) when the question belongs to a dispute.', { nullable: true })
  disputeNo?: string | null;
}

@InputType({ description: 'Changes to a legal consultation; fields left out stay as they are.' })
export class UpdateLegalConsultationInput {
  @TextInputField('Consultation number.', 40)
  consultationNo: string;

  @VersionField()
  version: number;

  @TextInputField('New answer summary.', 4000, { nullable: true })
  answerSummary?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the worker was referred to legal aid.' })
  @IsOptional()
  referredToLegalAid?: boolean | null;

  @DisputeNoInputField('Dispute number the question turned out to belong to.', { nullable: true })
  disputeNo?: string | null;
}

@InputType({ description: 'Which legal consultations to list: every condition given must hold; a condition left out does not filter.' })
export class LegalConsultationFilter {
  @AnyOfFilterField(() => ConsultationChannel, 'Only consultations that came in one of these ways.')
  channel?: ConsultationChannel[] | null;

  @DateRangeFilterField('Only consultations within this span (consultedOn).')
  consultedOn?: DateRange | null;

  @BooleanFilterField('true: only those referred to legal aid; false: only the others.')
  referredToLegalAid?: boolean | null;

  @CreditCodeInputField('Only consultations concerning (or asked by) the enterprise of this credit code.', { nullable: true })
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class LegalConsultationsArgs extends ListArgs(LegalConsultationFilter, 'consultations') {}
