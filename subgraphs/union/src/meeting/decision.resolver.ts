import { bounded, firstOf, FirstArg, isOverdue, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnionContext } from '../context';
import { Decision, DecisionStatus, FollowUp } from './decision.entity';
import { MEETING_ITEMS_BOUND } from './meeting.args';

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether dueOn has passed while the decision is still OPEN (逾期未落实).' })
  @Public()
  overdue(@Root() decision: Decision, @Ctx() ctx: UnionContext): boolean {
    return decision.status === DecisionStatus.OPEN && isOverdue(decision.dueOn, ctx.today);
  }

  @FieldResolver(() => [FollowUp], { description: bounded('Follow-ups on the decision (事后回访), oldest first.', MEETING_ITEMS_BOUND) })
  @Public()
  followUps(@Root() decision: Decision, @FirstArg(MEETING_ITEMS_BOUND, 'follow-ups') first: number, @Ctx() ctx: UnionContext) {
    return firstOf(MEETING_ITEMS_BOUND, first, () => ctx.loaders.followUpsByDecisionId.load(decision.id));
  }
}
