import { bounded, CrossDepartment, firstOf, FirstArg, Public } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { AgendaItem } from './agenda-item.entity';
import { Decision } from './decision.entity';
import { JointMeeting } from './joint-meeting.entity';
import { recordText } from './meeting-record';
import { JOINT_MEETINGS_BOUND, JointMeetingIdArgs, JointMeetingsArgs, MEETING_ITEMS_BOUND } from './meeting.args';
import {
  AddAgendaItemInput,
  CloseJointMeetingInput,
  JointMeetingVersionInput,
  RecordDecisionInput,
  RecordFollowUpInput,
  RemoveAgendaItemInput,
  ScheduleJointMeetingInput,
} from './meeting.input';
import * as service from './meeting.service';

/**
 * Joint meetings (双月沟通会). Their mutations are open to every department's writers in the permission
 * layer (`@CrossDepartment()`); the service lets only a COORDINATOR of a participating department change one.
 */
@Resolver(() => JointMeeting)
export class JointMeetingResolver {
  @Query(() => [JointMeeting], {
    description: bounded(
      'Joint meetings by time held, earliest first; filters combine. Every authenticated caller reads them.',
      JOINT_MEETINGS_BOUND,
    ),
  })
  @Public()
  jointMeetings(@Args() args: JointMeetingsArgs, @Ctx() ctx: UnionRequestContext) {
    return service.listJointMeetings(ctx.em, args);
  }

  @Query(() => JointMeeting, {
    nullable: true,
    description: 'A joint meeting by id, with its agenda and decisions; null when there is none.',
  })
  @Public()
  jointMeeting(@Args() { id }: JointMeetingIdArgs, @Ctx() ctx: UnionRequestContext) {
    return ctx.em.findOne(JointMeeting, { id });
  }

  @Mutation(() => JointMeeting, {
    description: 'Schedules a joint meeting (PLANNED). Only a COORDINATOR of one of its participating departments.',
  })
  @CrossDepartment()
  scheduleJointMeeting(@Arg('input', INPUT_ARG) input: ScheduleJointMeetingInput, @Ctx() ctx: UnionRequestContext) {
    return service.scheduleJointMeeting(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, {
    description:
      'Adds an item at the end of the agenda of a PLANNED or IN_SESSION meeting. Only a COORDINATOR of a participating department.',
  })
  @CrossDepartment()
  addAgendaItem(@Arg('input', INPUT_ARG) input: AddAgendaItemInput, @Ctx() ctx: UnionRequestContext) {
    return service.addAgendaItem(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, {
    description: 'Takes an item off the agenda of a PLANNED or IN_SESSION meeting. Only a COORDINATOR of a participating department.',
  })
  @CrossDepartment()
  removeAgendaItem(@Arg('input', INPUT_ARG) input: RemoveAgendaItemInput, @Ctx() ctx: UnionRequestContext) {
    return service.removeAgendaItem(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, { description: 'Opens a PLANNED meeting (IN_SESSION). Only a COORDINATOR of a participating department.' })
  @CrossDepartment()
  startJointMeeting(@Arg('input', INPUT_ARG) input: JointMeetingVersionInput, @Ctx() ctx: UnionRequestContext) {
    return service.startJointMeeting(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, {
    description: 'Records a decision of a meeting IN_SESSION. Only a COORDINATOR of a participating department.',
  })
  @CrossDepartment()
  recordDecision(@Arg('input', INPUT_ARG) input: RecordDecisionInput, @Ctx() ctx: UnionRequestContext) {
    return service.recordDecision(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, {
    description:
      "Records a follow-up on a decision (事后回访) by the caller's department. Only a COORDINATOR of a participating department; only one of the decision's lead department or of the convening department settles it (decisionStatus).",
  })
  @CrossDepartment()
  recordFollowUp(@Arg('input', INPUT_ARG) input: RecordFollowUpInput, @Ctx() ctx: UnionRequestContext) {
    return service.recordFollowUp(ctx.em, input, ctx.principal);
  }

  @Mutation(() => JointMeeting, {
    description: 'Closes a meeting IN_SESSION with its minutes (CLOSED). Only a COORDINATOR of a participating department.',
  })
  @CrossDepartment()
  closeJointMeeting(@Arg('input', INPUT_ARG) input: CloseJointMeetingInput, @Ctx() ctx: UnionRequestContext) {
    return service.closeJointMeeting(ctx.em, input, ctx.principal);
  }

  @FieldResolver(() => [AgendaItem], { description: bounded('The agenda (会议议题), in order.', MEETING_ITEMS_BOUND) })
  @Public()
  agenda(@Root() meeting: JointMeeting, @FirstArg(MEETING_ITEMS_BOUND, 'agenda items') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(MEETING_ITEMS_BOUND, first, () => ctx.loaders.agendaByMeetingId.load(meeting.id));
  }

  @FieldResolver(() => [Decision], {
    description: bounded('Decisions of the meeting (议定事项), in the order recorded.', MEETING_ITEMS_BOUND),
  })
  @Public()
  decisions(@Root() meeting: JointMeeting, @FirstArg(MEETING_ITEMS_BOUND, 'decisions') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(MEETING_ITEMS_BOUND, first, () => ctx.loaders.decisionsByMeetingId.load(meeting.id));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Minutes (会议纪要), once closed; empty before. For the participating departments' staff: others and analysts get null and FORBIDDEN.",
  })
  @Public()
  minutes(@Root() meeting: JointMeeting, @Ctx() ctx: UnionRequestContext): string | null {
    return recordText(ctx.principal, meeting, 'The minutes', meeting.minutes);
  }
}
