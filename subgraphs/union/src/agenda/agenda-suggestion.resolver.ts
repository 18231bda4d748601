import { bounded, Public } from '@labour/shared';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { UnionRequestContext } from '../request-context';
import { AgendaSuggestions } from './agenda-suggestion.type';
import { AGENDA_BOUND, SuggestedAgendaArgs } from './agenda.args';
import { suggestAgenda } from './agenda.service';

/** The joint meeting's suggested agenda: the union convenes the meeting, so it asks the others. */
@Resolver()
export class AgendaSuggestionResolver {
  @Query(() => AgendaSuggestions, {
    description: bounded(
      "Enterprises suggested for the next joint meeting (事前预警议题建议), ranked by the weights of every department's risk signals over the last 90 days. COORDINATOR or ADMIN only.",
      AGENDA_BOUND,
      'enterprises',
    ),
  })
  @Public() // counts and bands only; the guard is the role check in the service
  suggestedAgenda(@Args() args: SuggestedAgendaArgs, @Ctx() ctx: UnionRequestContext): Promise<AgendaSuggestions> {
    return suggestAgenda(ctx, args.limit, args.asOf);
  }
}
