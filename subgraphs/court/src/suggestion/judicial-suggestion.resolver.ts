import { EnterpriseKey, isOverdue, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CourtRequestContext } from '../request-context';
import { SuggestionNoArgs } from './judicial-suggestion.args';
import { JudicialSuggestion } from './judicial-suggestion.entity';
import { CreateJudicialSuggestionInput, UpdateJudicialSuggestionInput } from './judicial-suggestion.input';
import { createJudicialSuggestion, JUDICIAL_SUGGESTION_LIST, updateJudicialSuggestion } from './judicial-suggestion.service';
import { JudicialSuggestionsArgs } from './judicial-suggestion-list.input';

@Resolver(() => JudicialSuggestion)
export class JudicialSuggestionResolver extends RecordQueries({
  list: JUDICIAL_SUGGESTION_LIST,
  byKey: {
    name: 'judicialSuggestion',
    args: SuggestionNoArgs,
    description: 'A judicial suggestion by its number; null when there is none.',
  },
  name: 'judicialSuggestions',
  args: JudicialSuggestionsArgs,
  description:
    'Judicial suggestions, newest issued first (same day: by number), filtered by recipient, dates, reply, overdue and ' +
    'enterprise; cursor pagination. Each reads as it does by `judicialSuggestion(suggestionNo)`.',
  connection: 'A page of judicial suggestions, newest issued first.',
}) {
  @Mutation(() => JudicialSuggestion, {
    description: 'Issues a judicial suggestion (发出司法建议); the written reply is due within 2 months.',
  })
  createJudicialSuggestion(
    @Arg('input', { description: 'The suggestion to issue.' }) input: CreateJudicialSuggestionInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return createJudicialSuggestion(ctx.em, input);
  }

  @Mutation(() => JudicialSuggestion, {
    description: 'Changes a suggestion awaiting its reply, or records the reply (optimistic locking).',
  })
  updateJudicialSuggestion(
    @Arg('input', { description: 'The suggestion, the version read and the changes or the reply.' }) input: UpdateJudicialSuggestionInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return updateJudicialSuggestion(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { nullable: true, description: 'The enterprise the suggestion concerns; null for a general one.' })
  @Public()
  enterprise(@Root() found: JudicialSuggestion): EnterpriseKey | null {
    return found.enterpriseCreditCode ? { creditCode: found.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the reply deadline (dueOn) has passed without a reply.' })
  @Public()
  overdue(@Root() found: JudicialSuggestion, @Ctx() ctx: CourtRequestContext): boolean {
    return isOverdue(found.dueOn, ctx.today);
  }
}
