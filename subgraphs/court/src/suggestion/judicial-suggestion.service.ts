import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, changeVersioned } from '@labour/shared';
import { suggestionReplyDueOn } from '../legal-clock/court-deadlines';
import { JudicialSuggestion } from './judicial-suggestion.entity';
import type { CreateJudicialSuggestionInput, UpdateJudicialSuggestionInput } from './judicial-suggestion.input';

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
