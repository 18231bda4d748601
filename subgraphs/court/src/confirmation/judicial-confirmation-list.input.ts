import { DateRange, IsDisputeNo, IsUscc } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { CaseListPageArgs, MAX_DISPUTE_NOS } from '../case-lists/case-list-args';
import { ConfirmationStatus } from './judicial-confirmation.entity';

@InputType({ description: 'Which judicial confirmations to list; every filter given must hold (filters left out do not restrict).' })
export class JudicialConfirmationFilter {
  @Field(() => [ConfirmationStatus], { nullable: true, description: 'Only applications at one of these stages (at least one).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one status' })
  statuses?: ConfirmationStatus[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Only applications received within this span.' })
  @IsOptional()
  @ValidateNested()
  appliedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only applications decided within this span.' })
  @IsOptional()
  @ValidateNested()
  decidedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only pending applications whose decision is due (dueOn) within this span.' })
  @IsOptional()
  @ValidateNested()
  dueOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only applications still undecided past their 15-day deadline (dueOn before the request's day); false: the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only applications on agreements with this employer (credit code).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the confirmation of this union mediation case (调解案号).' })
  @IsOptional()
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  mediationCaseNo?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only applications of these disputes (争议编号), 1 to ${MAX_DISPUTE_NOS}: to follow disputes across departments.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one dispute number' })
  @ArrayMaxSize(MAX_DISPUTE_NOS, { message: `must name at most ${MAX_DISPUTE_NOS} dispute numbers` })
  @IsDisputeNo({ each: true })
  disputeNos?: string[] | null;
}

@ArgsType()
export class JudicialConfirmationsArgs extends CaseListPageArgs {
  @Field(() => JudicialConfirmationFilter, { nullable: true, description: 'Which judicial confirmations to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  filter?: JudicialConfirmationFilter | null;
}

/** The field of JudicialConfirmation whose value each filter tests (what a filter reveals of every record it runs over). */
export const CONFIRMATION_FILTER_FIELDS: Readonly<Record<keyof JudicialConfirmationFilter, string>> = {
  statuses: 'status',
  appliedOn: 'appliedOn',
  decidedOn: 'decidedOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'enterprise',
  mediationCaseNo: 'mediationCaseNo',
  disputeNos: 'disputeNo',
};
