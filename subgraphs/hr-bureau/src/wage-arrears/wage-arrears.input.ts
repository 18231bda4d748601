import {
  DateRange,
  DateScalar,
  DecimalScalar,
  IsUscc,
  MinAmount,
  NotInFuture,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { IsIn, IsInt, IsOptional, Length, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';
import { AlertLevel } from './wage-arrears-alert.entity';

@InputType({ description: 'A wage-arrears warning to raise (欠薪预警).' })
export class CreateWageArrearsAlertInput {
  @Field({ description: 'Warning number (预警编号), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  alertNo: string;

  @Field({ description: 'Credit code of the enterprise, which must be in the file.' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field({ description: 'Project or site concerned, 1 to 200 characters.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  project: string;

  @Field(() => AlertLevel, { description: 'Severity.' })
  @IsIn(Object.values(AlertLevel), { message: 'must be one of the AlertLevel values' })
  level: AlertLevel;

  @Field(() => DecimalScalar, { description: 'Wages owed in yuan; more than 0.' })
  @MinAmount(0.01)
  amountOwed: string;

  @Field(() => Int, { description: 'Number of workers owed wages; at least 1.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  workersAffected: number;

  @Field(() => DateScalar, { description: 'Date the warning is raised; not in the future.' })
  @NotInFuture()
  raisedOn: string;
}

@InputType({ description: 'Changes to a wage-arrears warning; fields left out stay as they are.' })
export class UpdateWageArrearsAlertInput {
  @Field({ description: 'Warning number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  alertNo: string;

  @VersionField()
  version: number;

  @Field(() => AlertLevel, { nullable: true, description: 'New severity.' })
  @IsOptional()
  @IsIn(Object.values(AlertLevel), { message: 'must be one of the AlertLevel values' })
  level?: AlertLevel;

  @Field(() => DecimalScalar, { nullable: true, description: 'New amount owed.' })
  @IsOptional()
  @MinAmount(0)
  amountOwed?: string;

  @Field(() => Int, { nullable: true, description: 'New number of workers affected.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  workersAffected?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date the arrears were settled (化解); closes the warning.' })
  @IsOptional()
  @NotInFuture()
  resolvedOn?: string;
}

@InputType({
  description:
    'Which wage-arrears warnings to list: every condition given must hold (AND); a list condition holds for any of its values. ' +
    'Filters on PUBLIC fields are open to every caller; amountOwedAtLeast (SHARED) only to HR_BUREAU staff.',
})
export class WageArrearsAlertFilter extends EnterpriseListFilter {
  @AnyOfFilterField(() => AlertLevel, 'Only warnings of one of these levels.')
  level?: AlertLevel[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only warnings still open (true) or settled (false).' })
  open?: boolean | null;

  @DateRangeFilterField('Only warnings raised (预警日期) within this span.')
  raisedOn?: DateRange | null;

  @DateRangeFilterField('Only warnings settled (化解日期) within this span.')
  resolvedOn?: DateRange | null;

  @Field(() => Int, { nullable: true, description: 'Only warnings affecting at least this many workers.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  workersAffectedAtLeast?: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Only warnings of at least this many yuan owed. SHARED: HR_BUREAU staff only.',
  })
  @IsOptional()
  @MinAmount(0)
  amountOwedAtLeast?: string | null;
}

@ArgsType()
export class WageArrearsAlertsArgs extends ListArgs(WageArrearsAlertFilter, 'alerts') {}
