import {
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
import { ConfirmationStatus } from './judicial-confirmation.entity';

@InputType({ description: 'Which judicial confirmations to list; every filter given must hold (filters left out do not restrict).' })
export class JudicialConfirmationFilter {
  @AnyOfFilterField(() => ConfirmationStatus, 'Only applications at one of these stages (at least one).')
  status?: ConfirmationStatus[] | null;

  @DateRangeFilterField('Only applications received within this span.')
  appliedOn?: DateRange | null;

  @DateRangeFilterField('Only applications decided within this span.')
  decidedOn?: DateRange | null;

  @DateRangeFilterField('Only pending applications whose decision is due (dueOn) within this span.')
  dueOn?: DateRange | null;

  @BooleanFilterField(
    "true: only applications still undecided past their 15-day deadline (dueOn before the request's day); false: the others.",
  )
  overdue?: boolean | null;

  @CreditCodeInputField('Only applications on agreements with this employer (credit code).', { nullable: true })
  enterprise?: string | null;

  @TextInputField('Only the confirmation of this union mediation case (调解案号).', 60, { nullable: true })
  mediationCaseNo?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class JudicialConfirmationsArgs extends ListArgs(JudicialConfirmationFilter, 'applications') {}

/** The field of JudicialConfirmation whose value each filter tests (what a filter reveals of every record it runs over). */
export const CONFIRMATION_FILTER_FIELDS: Readonly<Record<keyof JudicialConfirmationFilter, string>> = {
  status: 'status',
  appliedOn: 'appliedOn',
  decidedOn: 'decidedOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'enterprise',
  mediationCaseNo: 'mediationCaseNo',
  disputeNos: 'disputeNo',
};
