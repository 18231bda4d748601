import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  assertNotBefore,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  Department,
  equalConditions,
  insertOrConflict,
  pastDueCondition,
  recordList,
  yesOrNoCondition,
} from '@labour/shared';
import { suggestionReplyDueOn } from '../legal-clock/court-deadlines';
import { JudicialSuggestion } from './judicial-suggestion.entity';
import type { CreateJudicialSuggestionInput, UpdateJudicialSuggestionInput } from './judicial-suggestion.input';
import { SUGGESTION_FILTER_FIELDS, type JudicialSuggestionFilter } from './judicial-suggestion-list.input';

export async function createJudicialSuggestion(em: EntityManager, input: CreateJudicialSuggestionInput): Promise<JudicialSuggestion> {
  const created = em.create(JudicialSuggestion, {
    ...input,
    enterpriseCreditCode: input.enterpriseCreditCode ?? null,
    dueOn: suggestionReplyDueOn(input.issuedOn),
  });
  return insertOrConflict(em, created, 'A judicial suggestion');
}

export async function updateJudicialSuggestion(em: EntityManager, input: UpdateJudicialSuggestionInput): Promise<JudicialSuggestion> {
  return changeVersioned(em, JudicialSuggestion, 'suggestionNo', input, (suggestion) => {
    // The reply answers the suggestion as it was sent: after it, the record is history.
    if (suggestion.repliedOn) {
      throw new BadUserInputError({
        field: 'suggestionNo',
        rule: `was replied to on ${suggestion.repliedOn}: a replied suggestion cannot change`,
      });
    }
    if (input.repliedOn != null) assertNotBefore(input.repliedOn, suggestion.issuedOn, 'repliedOn', 'issuedOn');
    if (input.subject != null) suggestion.subject = input.subject;
    if (input.content != null) suggestion.content = input.content;
    if (input.repliedOn != null) {
      suggestion.repliedOn = input.repliedOn;
      suggestion.dueOn = null;
    }
  });
}

/**
 * The list of judicial suggestions, newest issued first: every filter as SQL. Overdue is
 * what the `overdue` field says, against the request's day: a reply deadline (dueOn, kept only while the
 * reply is awaited) before it.
 */
export const JUDICIAL_SUGGESTION_LIST = recordList(JudicialSuggestion, Department.COURT, {
  order: { date: 'issuedOn', key: 'suggestionNo' },
  filterFields: SUGGESTION_FILTER_FIELDS,
  conditions: (filter: JudicialSuggestionFilter, today: string) => [
    ...anyOfConditions(filter, { recipientDepartment: 'recipientDepartment' }),
    ...dateRangeConditions(filter, ['issuedOn', 'repliedOn', 'dueOn']),
    ...yesOrNoCondition(filter.replied, { repliedOn: { $ne: null } }, { repliedOn: null }),
    ...pastDueCondition('dueOn', filter.overdue, today),
    ...equalConditions(filter, { enterprise: 'enterpriseCreditCode' }),
  ],
});
