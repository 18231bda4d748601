import { AnyOfFilterField, BooleanFilterField, CreditCodeInputField, DateRange, DateRangeFilterField, ListArgs } from '@labour/shared';
import { ArgsType, InputType } from 'type-graphql';
import { RecipientDepartment } from './judicial-suggestion.entity';

@InputType({ description: 'Which judicial suggestions to list; every filter given must hold (filters left out do not restrict).' })
export class JudicialSuggestionFilter {
  @AnyOfFilterField(() => RecipientDepartment, 'Only suggestions addressed to one of these departments (at least one).')
  recipientDepartment?: RecipientDepartment[] | null;

  @DateRangeFilterField('Only suggestions issued within this span.')
  issuedOn?: DateRange | null;

  @DateRangeFilterField('Only suggestions replied to within this span.')
  repliedOn?: DateRange | null;

  @DateRangeFilterField('Only suggestions awaiting a reply that is due (dueOn) within this span.')
  dueOn?: DateRange | null;

  @BooleanFilterField('true: only suggestions replied to; false: only those awaiting a reply.')
  replied?: boolean | null;

  @BooleanFilterField(
    "true: only suggestions awaiting a reply past its 2-month deadline (dueOn before the request's day); false: the others.",
  )
  overdue?: boolean | null;

  @CreditCodeInputField('Only suggestions about this enterprise (credit code).', { nullable: true })
  enterprise?: string | null;
}

@ArgsType()
export class JudicialSuggestionsArgs extends ListArgs(JudicialSuggestionFilter, 'suggestions') {}

/** The field of JudicialSuggestion whose value each filter tests (what a filter reveals of every record it runs over). */
export const SUGGESTION_FILTER_FIELDS: Readonly<Record<keyof JudicialSuggestionFilter, string>> = {
  recipientDepartment: 'recipientDepartment',
  issuedOn: 'issuedOn',
  repliedOn: 'repliedOn',
  dueOn: 'dueOn',
  replied: 'repliedOn',
  overdue: 'dueOn',
  enterprise: 'enterprise',
};
