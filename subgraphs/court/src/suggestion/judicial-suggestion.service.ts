import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { type RecordList, Department, BadUserInputError, changeVersioned, dateRangeCondition, insertOrConflict } from '@labour/shared';
import { suggestionReplyDueOn } from '../legal-clock/court-deadlines';
import { JudicialSuggestion } from './judicial-suggestion.entity';
import type { CreateJudicialSuggestionInput, UpdateJudicialSuggestionInput } from './judicial-suggestion.input';
import { SUGGESTION_FILTER_FIELDS, type JudicialSuggestionsArgs } from './judicial-suggestion-list.input';

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
    if (input.repliedOn != null && input.repliedOn < suggestion.issuedOn) {
      throw new BadUserInputError({ field: 'repliedOn', rule: `must not be earlier than issuedOn (${suggestion.issuedOn})` });
    }
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
export const JUDICIAL_SUGGESTION_LIST: RecordList<JudicialSuggestion, NonNullable<JudicialSuggestionsArgs['filter']>> = {
  entity: JudicialSuggestion,
  typeName: 'JudicialSuggestion',
  provider: Department.COURT,
  order: { date: 'issuedOn', key: 'suggestionNo' },
  filterFields: SUGGESTION_FILTER_FIELDS,
  conditions(filter, today) {
    const all: Array<FilterQuery<JudicialSuggestion>> = [];
    if (filter.recipientDepartment) all.push({ recipientDepartment: { $in: filter.recipientDepartment } });
    const issuedOn = dateRangeCondition(filter.issuedOn, 'filter.issuedOn');
    if (issuedOn) all.push({ issuedOn });
    const repliedOn = dateRangeCondition(filter.repliedOn, 'filter.repliedOn');
    if (repliedOn) all.push({ repliedOn });
    const dueOn = dateRangeCondition(filter.dueOn, 'filter.dueOn');
    if (dueOn) all.push({ dueOn });
    if (filter.replied === true) all.push({ repliedOn: { $ne: null } });
    if (filter.replied === false) all.push({ repliedOn: null });
    if (filter.overdue === true) all.push({ dueOn: { $lt: today } });
    if (filter.overdue === false) all.push({ $or: [{ dueOn: null }, { dueOn: { $gte: today } }] });
    if (filter.enterprise) all.push({ enterpriseCreditCode: filter.enterprise });
    return all;
  },
};
