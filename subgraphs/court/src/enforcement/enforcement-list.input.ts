import { DateRange, DecimalScalar, IsDisputeNo, IsUscc, MinAmount } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { CaseListPageArgs, MAX_DISPUTE_NOS } from '../case-lists/case-list-args';
import { EnforcementStatus } from './enforcement-case.entity';

@InputType({ description: 'Which enforcement cases to list; every filter given must hold (filters left out do not restrict).' })
export class EnforcementCaseFilter {
  @Field(() => [EnforcementStatus], { nullable: true, description: 'Only cases at one of these stages (at least one).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one status' })
  statuses?: EnforcementStatus[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Only cases filed (立案) within this span.' })
  @IsOptional()
  @ValidateNested()
  filedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only cases closed (结案) within this span.' })
  @IsOptional()
  @ValidateNested()
  closedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only open cases whose enforcement is due (dueOn) within this span.' })
  @IsOptional()
  @ValidateNested()
  dueOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only open cases past their 6-month deadline (dueOn before the request's day); false: only the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only cases against this employer (respondent, by credit code).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only the enforcement of this decision (执行依据: a court case or an arbitration award).',
  })
  @IsOptional()
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  sourceCaseNo?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only cases of these disputes (争议编号), 1 to ${MAX_DISPUTE_NOS}: to follow disputes across departments.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one dispute number' })
  @ArrayMaxSize(MAX_DISPUTE_NOS, { message: `must name at most ${MAX_DISPUTE_NOS} dispute numbers` })
  @IsDisputeNo({ each: true })
  disputeNos?: string[] | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Only cases whose amount to enforce is at least this many yuan. Tests a SHARED field: the court's own staff only.",
  })
  @IsOptional()
  @MinAmount(0)
  amountAtLeast?: string | null;
}

@ArgsType()
export class EnforcementCasesArgs extends CaseListPageArgs {
  @Field(() => EnforcementCaseFilter, { nullable: true, description: 'Which enforcement cases to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  filter?: EnforcementCaseFilter | null;
}

/** The field of EnforcementCase whose value each filter tests (what a filter reveals of every record it runs over). */
export const ENFORCEMENT_FILTER_FIELDS: Readonly<Record<keyof EnforcementCaseFilter, string>> = {
  statuses: 'status',
  filedOn: 'filedOn',
  closedOn: 'closedOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'respondent',
  sourceCaseNo: 'sourceCaseNo',
  disputeNos: 'disputeNo',
  amountAtLeast: 'amount',
};
