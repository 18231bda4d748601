import {
  AmountInputField,
  AnyOfFilterField,
  BooleanFilterField,
  CreditCodeInputField,
  DateRange,
  DateRangeFilterField,
  DisputeNosFilterField,
  ListArgs,
  TextInputField,
} from '@labour/shared';
import { ArgsType, InputType } from 'type-graphql';
import { EnforcementStatus } from './enforcement-case.entity';

@InputType({ description: 'Which enforcement cases to list; every filter given must hold (filters left out do not restrict).' })
export class EnforcementCaseFilter {
  @AnyOfFilterField(() => EnforcementStatus, 'Only cases at one of these stages (at least one).')
  status?: EnforcementStatus[] | null;

  @DateRangeFilterField('Only cases filed (立案) within this span.')
  filedOn?: DateRange | null;

  @DateRangeFilterField('Only cases closed (结案) within this span.')
  closedOn?: DateRange | null;

  @DateRangeFilterField('Only open cases whose enforcement is due (dueOn) within this span.')
  dueOn?: DateRange | null;

  @BooleanFilterField("true: only open cases past their 6-month deadline (dueOn before the request's day); false: only the others.")
  overdue?: boolean | null;

  @CreditCodeInputField('Only cases against this employer (respondent, by credit code).', { nullable: true })
  enterprise?: string | null;

  @TextInputField('Only the enforcement of this decision (执行依据: a court case or an arbitration award).', 60, { nullable: true })
  sourceCaseNo?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;

  @AmountInputField("Only cases whose amount to enforce is at least this many yuan. Tests a SHARED field: the court's own staff only.", 0, {
    nullable: true,
  })
  amountAtLeast?: string | null;
}

@ArgsType()
export class EnforcementCasesArgs extends ListArgs(EnforcementCaseFilter, 'cases') {}

/** The field of EnforcementCase whose value each filter tests (what a filter reveals of every record it runs over). */
export const ENFORCEMENT_FILTER_FIELDS: Readonly<Record<keyof EnforcementCaseFilter, string>> = {
  status: 'status',
  filedOn: 'filedOn',
  closedOn: 'closedOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'respondent',
  sourceCaseNo: 'sourceCaseNo',
  disputeNos: 'disputeNo',
  amountAtLeast: 'amount',
};
