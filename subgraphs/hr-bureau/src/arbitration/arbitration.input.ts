import {
  DisputeNosFilterField,
  DateRange,
  DateScalar,
  DecimalScalar,
  IsCaseNumber,
  IsDisputeNo,
  IsUscc,
  MinAmount,
  NotInFuture,
  PartyInput,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ArbitrationOutcome, ArbitrationStatus } from './arbitration-case.entity';

@InputType({ description: 'A new arbitration application (仲裁申请).' })
export class CreateArbitrationCaseInput {
  @Field({ description: 'Case number, e.g. 京开劳人仲字〔2026〕第0123号; its year is the filing year.' })
  @IsCaseNumber('arbitration', 'filedOn')
  caseNo: string;

  @Field({
    description: 'Dispute number (争议编号): the one the dispute already has (e.g. from union mediation), or a new LD-HR-… number.',
  })
  @IsDisputeNo()
  disputeNo: string;

  @Field(() => [PartyInput], { description: 'Applicants (申请人), 1 to 200 workers.' })
  @ArrayMinSize(1, { message: 'must name at least one applicant' })
  @ArrayMaxSize(200, { message: 'must name at most 200 applicants' })
  @ValidateNested({ each: true })
  applicants: PartyInput[];

  @Field({ description: 'Credit code of the respondent employer (被申请人), which must be in the enterprise file.' })
  @IsUscc()
  respondentCreditCode: string;

  @Field({ description: 'Claims (仲裁请求), 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  claims: string;

  @Field(() => DecimalScalar, { description: 'Total amount claimed in yuan; at least 0.00.' })
  @MinAmount(0)
  claimAmount: string;

  @Field(() => DateScalar, { description: 'Date the application was received; not in the future.' })
  @NotInFuture()
  filedOn: string;
}

@InputType({ description: 'Identifies an arbitration case at the version the caller read.' })
export class ArbitrationCaseVersionInput {
  @Field({ description: 'Case number.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Changes to the claims of an arbitration case; fields left out stay as they are.' })
export class UpdateArbitrationCaseInput extends ArbitrationCaseVersionInput {
  @Field(() => String, { nullable: true, description: 'New claims text.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  claims?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'New total amount claimed.' })
  @IsOptional()
  @MinAmount(0)
  claimAmount?: string;
}

@InputType({ description: 'Acceptance (受理) or refusal (不予受理) of an application, or the closing of a case, on a date.' })
export class ArbitrationDecisionInput extends ArbitrationCaseVersionInput {
  @Field(() => DateScalar, { description: 'Date of the decision; not in the future.' })
  @NotInFuture()
  on: string;
}

@InputType({ description: 'The closing of an accepted arbitration case (结案).' })
export class CloseArbitrationCaseInput extends ArbitrationDecisionInput {
  @Field(() => ArbitrationOutcome, { description: 'How the case ended: AWARD, SETTLED or WITHDRAWN.' })
  @IsIn([ArbitrationOutcome.AWARD, ArbitrationOutcome.SETTLED, ArbitrationOutcome.WITHDRAWN], {
    message: 'must be AWARD, SETTLED or WITHDRAWN (NOT_ACCEPTED is recorded by declineArbitrationCase)',
  })
  outcome: ArbitrationOutcome;

  @Field(() => String, { nullable: true, description: 'Summary of the award; required when the outcome is AWARD.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  awardSummary?: string | null;
}

/** The most dispute numbers one list filter follows: a page of another department's list. */

@InputType({
  description:
    'Which arbitration cases to list: every condition given must hold (AND); a list condition holds for any of its values. ' +
    'Filters on PUBLIC fields are open to every caller; claimAmountAtLeast (SHARED) only to HR_BUREAU staff.',
})
export class ArbitrationCaseFilter {
  @AnyOfFilterField(() => ArbitrationStatus, 'Only cases in one of these stages.')
  status?: ArbitrationStatus[] | null;

  @AnyOfFilterField(() => ArbitrationOutcome, 'Only cases that ended in one of these ways (open cases have none).')
  outcome?: ArbitrationOutcome[] | null;

  @DateRangeFilterField('Only cases filed (申请日期) within this span.')
  filedOn?: DateRange | null;

  @DateRangeFilterField('Only cases accepted (受理日期) within this span.')
  acceptedOn?: DateRange | null;

  @DateRangeFilterField('Only cases closed or declined (结案日期) within this span.')
  closedOn?: DateRange | null;

  @DateRangeFilterField('Only open cases whose current legal deadline (dueOn) is within this span.')
  dueOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only cases past the deadline of their stage (dueOn before today) and still open; false: only the others.',
  })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases whose award deadline was (true) or was not (false) extended.' })
  extended?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only cases against an enterprise of this district or town (exact, 所属街镇).' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Only cases against the enterprise of this credit code (被申请人).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Only cases claiming at least this many yuan. SHARED: HR_BUREAU staff only.' })
  @IsOptional()
  @MinAmount(0)
  claimAmountAtLeast?: string | null;
}

@ArgsType()
export class ArbitrationCasesArgs extends ListArgs(ArbitrationCaseFilter, 'cases') {}
