import { DateRange, DateScalar, IsUscc, NotBefore, NotInFuture, VersionField, DateRangeFilterField, ListArgs } from '@labour/shared';
import { IsInt, IsOptional, Length, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';

@InputType({ description: 'A mass-layoff report to file (经济性裁员报告).' })
export class CreateLayoffReportInput {
  @Field({ description: 'Report number, 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  reportNo: string;

  @Field({ description: 'Credit code of the enterprise, which must be in the file.' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field(() => Int, { description: 'Workers to be laid off; at least 1.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  plannedCount: number;

  @Field({ description: 'Reason for the layoff.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  reason: string;

  @Field(() => DateScalar, { description: 'Date the plan is reported; not in the future.' })
  @NotInFuture()
  reportedOn: string;

  @Field(() => DateScalar, { description: 'Date the layoff takes effect; not before the report (the law asks for 30 days).' })
  @NotBefore('reportedOn')
  effectiveOn: string;

  @Field({ description: 'Placement plan for the workers.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  placementPlan: string;
}

@InputType({ description: 'Changes to a layoff report; fields left out stay as they are.' })
export class UpdateLayoffReportInput {
  @Field({ description: 'Report number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  reportNo: string;

  @VersionField()
  version: number;

  @Field(() => Int, { nullable: true, description: 'New number of workers to be laid off.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  plannedCount?: number;

  @Field(() => String, { nullable: true, description: 'New placement plan.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  placementPlan?: string;
}

@InputType({
  description:
    'Which layoff reports to list: every condition given must hold (AND). ' +
    'Every filter tests a PUBLIC field, so every caller may use them.',
})
export class LayoffReportFilter extends EnterpriseListFilter {
  @DateRangeFilterField('Only reports filed (报告日期) within this span.')
  reportedOn?: DateRange | null;

  @DateRangeFilterField('Only layoffs taking effect (实施日期) within this span.')
  effectiveOn?: DateRange | null;

  @Field(() => Int, { nullable: true, description: 'Only layoffs of at least this many workers.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  plannedCountAtLeast?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only reports that came (true) or did not come (false) at least 30 days before the layoff, as `meetsNoticePeriod`.',
  })
  meetsNoticePeriod?: boolean | null;
}

@ArgsType()
export class LayoffReportsArgs extends ListArgs(LayoffReportFilter, 'reports') {}
