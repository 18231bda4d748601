import { DateScalar, Department, IsDisputeNo, IsUscc, VersionField } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { DecisionStatus } from './decision.entity';
import { MeetingKind } from './joint-meeting.entity';

@InputType({ description: 'A person taking part in a joint meeting (参会人员).' })
export class MeetingParticipantInput {
  @Field({ description: 'Name (姓名), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  name: string;

  @Field(() => Department, { description: 'Department the person represents; one of the participating departments.' })
  department: Department;

  @Field({ description: 'Role at the meeting or in office (职务), 1 to 60 characters.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
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

  @Field({ description: 'Where it is held (会议地点), 1 to 200 characters.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
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
  @Field(() => ID, { description: 'Id of the meeting.' })
  @IsUUID('4', { message: 'must be a meeting id (UUID)' })
  meetingId: string;

  @VersionField('the meeting')
  version: number;
}

@InputType({
  description:
    "An item to add to the agenda (增加议题): exactly one of enterpriseCreditCode, disputeNo or topic; the caller's department raises it.",
})
export class AddAgendaItemInput extends JointMeetingVersionInput {
  @Field(() => String, { nullable: true, description: 'Credit code of the enterprise the item is about.' })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Dispute number of the dispute the item is about.' })
  @IsOptional()
  @IsDisputeNo()
  disputeNo?: string | null;

  @Field(() => String, { nullable: true, description: 'A free topic (其他议题), 1 to 500 characters.' })
  @IsOptional()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  topic?: string | null;

  @Field({ description: 'Why it is on the agenda (提请理由), 1 to 2000 characters.' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;
}

@InputType({ description: 'An agenda item to take off the agenda (撤销议题).' })
export class RemoveAgendaItemInput extends JointMeetingVersionInput {
  @Field(() => ID, { description: 'Id of the agenda item.' })
  @IsUUID('4', { message: 'must be an agenda item id (UUID)' })
  agendaItemId: string;
}

@InputType({ description: 'A decision to record at a meeting in session (会议议定事项).' })
export class RecordDecisionInput extends JointMeetingVersionInput {
  @Field({ description: 'What was decided (议定内容), 1 to 2000 characters.' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
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
  @Field(() => ID, { description: 'Id of the decision followed up.' })
  @IsUUID('4', { message: 'must be a decision id (UUID)' })
  decisionId: string;

  @Field(() => DateScalar, { description: 'Day of the follow-up; not before the meeting day.' })
  on: string;

  @Field({ description: 'What was checked and found (回访情况), 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  note: string;

  @Field({ description: 'Result (回访结果), 1 to 200 characters.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
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
  @Field({ description: 'Minutes of the meeting (会议纪要), 1 to 20000 characters.' })
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  minutes: string;
}
