import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  BadUserInputError,
  changeVersioned,
  dateRangeCondition,
  insertOrConflict,
  newestFirstPage,
  PAGE_BOUND,
  sizeWithin,
  type Connection,
} from '@labour/shared';
import { suggestionReplyDueOn } from '../legal-clock/court-deadlines';
import { JudicialSuggestion } from './judicial-suggestion.entity';
import type { CreateJudicialSuggestionInput, UpdateJudicialSuggestionInput } from './judicial-suggestion.input';
import type { JudicialSuggestionsArgs } from './judicial-suggestion-list.input';

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
 * A page of judicial suggestions, newest issued first: every filter as SQL (a page and a count). Overdue is
 * what the `overdue` field says, against the request's day: a reply deadline (dueOn, kept only while the
 * reply is awaited) before it.
 */
export function listSuggestions(em: EntityManager, args: JudicialSuggestionsArgs, today: string): Promise<Connection<JudicialSuggestion>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  const filter = args.filter ?? {};
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
  const where = all.length ? { $and: all } : {};
  return newestFirstPage(em, JudicialSuggestion, where, { date: 'issuedOn', key: 'suggestionNo' }, first, args.after);
}
