import { bounded, firstOf, FirstArg, isOverdue, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnionRequestContext } from '../request-context';
import { Decision, DecisionStatus, FollowUp } from './decision.entity';
import { MEETING_ITEMS_BOUND } from './meeting.args';
import { decisionText, meetingText } from './meeting-record';

const PARTICIPANTS_ONLY = "For the meeting's participating departments' staff: others and analysts get null and FORBIDDEN.";

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => String, { nullable: true, description: `What was decided (议定内容). ${PARTICIPANTS_ONLY}` })
  @Public()
  summary(@Root() decision: Decision, @Ctx() ctx: UnionRequestContext): Promise<string> {
    return meetingText(ctx, decision.meetingId, 'Decision summaries', decision.summary);
  }

  @FieldResolver(() => Boolean, { description: 'Whether dueOn has passed while the decision is still OPEN (逾期未落实).' })
  @Public()
  overdue(@Root() decision: Decision, @Ctx() ctx: UnionRequestContext): boolean {
    return decision.status === DecisionStatus.OPEN && isOverdue(decision.dueOn, ctx.today);
  }

  @FieldResolver(() => [FollowUp], { description: bounded('Follow-ups on the decision (事后回访), oldest first.', MEETING_ITEMS_BOUND) })
  @Public()
  followUps(@Root() decision: Decision, @FirstArg(MEETING_ITEMS_BOUND, 'follow-ups') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(MEETING_ITEMS_BOUND, first, () => ctx.loaders.followUpsByDecisionId.load(decision.id));
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @FieldResolver(() => String, { nullable: true, description: `What was checked and found (回访情况). ${PARTICIPANTS_ONLY}` })
  @Public()
  note(@Root() followUp: FollowUp, @Ctx() ctx: UnionRequestContext): Promise<string> {
    return decisionText(ctx, followUp.decisionId, 'Follow-up notes', followUp.note);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `Result of the follow-up (回访结果), e.g. 已落实 or 仍在推进. ${PARTICIPANTS_ONLY}`,
  })
  @Public()
  result(@Root() followUp: FollowUp, @Ctx() ctx: UnionRequestContext): Promise<string> {
    return decisionText(ctx, followUp.decisionId, 'Follow-up results', followUp.result);
  }
}
