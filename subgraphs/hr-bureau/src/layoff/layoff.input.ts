import {
  BooleanFilterField,
  CountInputField,
  CreditCodeInputField,
  DateRange,
  DateRangeFilterField,
  DateScalar,
  ListArgs,
  NotBefore,
  PastDateInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';

@InputType({ description: 'A mass-layoff report to file (经济性裁员报告).' })
export class CreateLayoffReportInput {
  @TextInputField('Report number, 1 to 40 characters.', 40)
  reportNo: string;

  @CreditCodeInputField('Credit code of the enterprise, which must be in the file.')
  enterpriseCreditCode: string;

  @CountInputField('Workers to be laid off; at least 1.')
  plannedCount: number;

  @TextInputField('Reason for the layoff.', 4000)
  reason: string;

  @PastDateInputField('Date the plan is reported; not in the future.')
  reportedOn: string;

  @Field(() => DateScalar, { description: 'Date the layoff takes effect; not before the report (the law asks for 30 days).' })
  @NotBefore('reportedOn')
  effectiveOn: string;

  @TextInputField('Placement plan for the workers.', 4000)
  placementPlan: string;
}

@InputType({ description: 'Changes to a layoff report; fields left out stay as they are.' })
export class UpdateLayoffReportInput {
  @TextInputField('Report number.', 40)
  reportNo: string;

  @VersionField()
  version: number;

  @CountInputField('New number of workers to be laid off.', { nullable: true })
  plannedCount?: number;

  @TextInputField('New placement plan.', 4000, { nullable: true })
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

  @CountInputField('Only layoffs of at least this many workers.', { nullable: true })
  plannedCountAtLeast?: number | null;

  @BooleanFilterField('Only reports that came (true) or did not come (false) at least 30 days before the layoff, as `meetsNoticePeriod`.')
  meetsNoticePeriod?: boolean | null;
}

@ArgsType()
export class LayoffReportsArgs extends ListArgs(LayoffReportFilter, 'reports') {}
