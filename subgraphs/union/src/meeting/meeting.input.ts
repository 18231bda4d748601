import {
  CreditCodeInputField,
  DateScalar,
  Department,
  DisputeNoInputField,
  IdInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { Field, GraphQLISODateTime, InputType } from 'type-graphql';
import { DecisionStatus } from './decision.entity';
import { MeetingKind } from './joint-meeting.entity';

@InputType({ description: 'A person taking part in a joint meeting (参会人员).' })
export class MeetingParticipantInput {
  @TextInputField('Name (姓名), 1 to 40 characters.', 40)
  name: string;

  @Field(() => Department, { description: 'Department the person represents; one of the participating departments.' })
  department: Department;

  @TextInputField('Role at the meeting or in office (职务), 1 to 60 characters.', 60)
  role: string;
}

@InputType({
  description:
    "A joint meeting to schedule (安排会议); the caller must be a COORDINATOR of one of its participating departments, and the caller's department convenes it.",
})
export class ScheduleJointMeetingInput {
  @Field(() => MeetingKind, { description: 'Kind of meeting.' })
  kind: MeetingKind;

  @Field(() => GraphQLISODateTime, { description: 'When it is to be held.' })
  scheduledAt: Date;

  @TextInputField('Where it is held (会议地点), 1 to 200 characters.', 200)
  place: string;

  @Field(() => [Department], { description: 'Departments taking part (参会单位), 2 to 4, no repeats.' })
  @ArrayMinSize(2, { message: 'must name at least two departments' })
  @ArrayMaxSize(4, { message: 'must name at most four departments' })
  participatingDepartments: Department[];

  @Field(() => [MeetingParticipantInput], { description: 'People taking part (参会人员), up to 50.' })
  @ArrayMaxSize(50, { message: 'must name at most 50 people' })
  @ValidateNested({ each: true })
  participants: MeetingParticipantInput[];
}

@InputType({ description: 'A joint meeting at the version the caller read (optimistic locking).' })
export class JointMeetingVersionInput {
  @IdInputField('Id of the meeting.', { version: '4', message: 'must be a meeting id (UUID)' })
  meetingId: string;

  @VersionField('the meeting')
  version: number;
}

@InputType({
  description:
    "An item to add to the agenda (增加议题): exactly one of enterpriseCreditCode, disputeNo or topic; the caller's department raises it.",
})
export class AddAgendaItemInput extends JointMeetingVersionInput {
  @CreditCodeInputField('Credit code of the enterprise the item is about.', { nullable: true })
  enterpriseCreditCode?: string | null;

  @DisputeNoInputField('Dispute number of the dispute the item is about.', { nullable: true })
  disputeNo?: string | null;

  @TextInputField('A free topic (其他议题), 1 to 500 characters.', 500, { nullable: true })
  topic?: string | null;

  @TextInputField('Why it is on the agenda (提请理由), 1 to 2000 characters.', 2000)
  reason: string;
}

@InputType({ description: 'An agenda item to take off the agenda (撤销议题).' })
export class RemoveAgendaItemInput extends JointMeetingVersionInput {
  @IdInputField('Id of the agenda item.', { version: '4', message: 'must be an agenda item id (UUID)' })
  agendaItemId: string;
}

@InputType({ description: 'A decision to record at a meeting in session (会议议定事项).' })
export class RecordDecisionInput extends JointMeetingVersionInput {
  @TextInputField('What was decided (议定内容), 1 to 2000 characters.', 2000)
  summary: string;

  @Field(() => Department, { description: 'Lead department (牵头单位); one of the participating departments.' })
  leadDepartment: Department;

  @Field(() => [Department], { description: 'Other departments taking part (参加单位), participating ones, not the lead.' })
  @ArrayMaxSize(3, { message: 'must name at most three departments' })
  participatingDepartments: Department[];

  @Field(() => DateScalar, { description: 'Day by which it is to be carried out; not before the meeting day.' })
  dueOn: string;
}

@InputType({ description: "A follow-up on a decision (事后回访); the follow-up department is the caller's." })
export class RecordFollowUpInput extends JointMeetingVersionInput {
  @IdInputField('Id of the decision followed up.', { version: '4', message: 'must be a decision id (UUID)' })
  decisionId: string;

  @Field(() => DateScalar, { description: 'Day of the follow-up; not before the meeting day.' })
  on: string;

  @TextInputField('What was checked and found (回访情况), 1 to 4000 characters.', 4000)
  note: string;

  @TextInputField('Result (回访结果), 1 to 200 characters.', 200)
  result: string;

  @Field(() => DecisionStatus, {
    nullable: true,
    description:
      'New state of the decision, if the follow-up settles it (DONE or CANCELLED); left out, it stays as it is. Only a COORDINATOR of the lead or the convening department changes it.',
  })
  @IsOptional()
  decisionStatus?: DecisionStatus | null;
}

@InputType({ description: 'Closes a meeting in session with its minutes (会议纪要).' })
export class CloseJointMeetingInput extends JointMeetingVersionInput {
  @TextInputField('Minutes of the meeting (会议纪要), 1 to 20000 characters.', 20000)
  minutes: string;
}
