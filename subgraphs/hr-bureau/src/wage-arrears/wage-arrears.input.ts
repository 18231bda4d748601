import {
  AmountInputField,
  BooleanFilterField,
  CountInputField,
  CreditCodeInputField,
  DateRange,
  EnumInputField,
  PastDateInputField,
  TextInputField,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { ArgsType, InputType } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';
import { AlertLevel } from './wage-arrears-alert.entity';

@InputType({ description: 'A wage-arrears warning to raise (欠薪预警).' })
export class CreateWageArrearsAlertInput {
  @TextInputField('Warning number (预警编号), 1 to 40 characters.', 40)
  alertNo: string;

  @CreditCodeInputField('Credit code of the enterprise, which must be in the file.')
  enterpriseCreditCode: string;

  @TextInputField('Project or site concerned, 1 to 200 characters.', 200)
  project: string;

  @EnumInputField(AlertLevel, 'AlertLevel', 'Severity.')
  level: AlertLevel;

  @AmountInputField('Wages owed in yuan; more than 0.', 0.01)
  amountOwed: string;

  @CountInputField('Number of workers owed wages; at least 1.')
  workersAffected: number;

  @PastDateInputField('Date the warning is raised; not in the future.')
  raisedOn: string;
}

@InputType({ description: 'Changes to a wage-arrears warning; fields left out stay as they are.' })
export class UpdateWageArrearsAlertInput {
  @TextInputField('Warning number.', 40)
  alertNo: string;

  @VersionField()
  version: number;

  @EnumInputField(AlertLevel, 'AlertLevel', 'New severity.', { nullable: true })
  level?: AlertLevel;

  @AmountInputField('New amount owed.', 0, { nullable: true })
  amountOwed?: string;

  @CountInputField('New number of workers affected.', { nullable: true })
  workersAffected?: number;

  @PastDateInputField('Date the arrears were settled (化解); closes the warning.', { nullable: true })
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

  @BooleanFilterField('Only warnings still open (true) or settled (false).')
  open?: boolean | null;

  @DateRangeFilterField('Only warnings raised (预警日期) within this span.')
  raisedOn?: DateRange | null;

  @DateRangeFilterField('Only warnings settled (化解日期) within this span.')
  resolvedOn?: DateRange | null;

  @CountInputField('Only warnings affecting at least this many workers.', { nullable: true })
  workersAffectedAtLeast?: number | null;

  @AmountInputField('Only warnings of at least this many yuan owed. SHARED: HR_BUREAU staff only.', 0, { nullable: true })
  amountOwedAtLeast?: string | null;
}

@ArgsType()
export class WageArrearsAlertsArgs extends ListArgs(WageArrearsAlertFilter, 'alerts') {}
