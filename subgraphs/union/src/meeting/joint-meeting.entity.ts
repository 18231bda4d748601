import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, capped, Department, ListCap, Personal, Public, RecordName, StageField, StringField } from '@labour/shared';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';

export enum MeetingKind {
  REGULAR_BIMONTHLY = 'REGULAR_BIMONTHLY',
  AD_HOC = 'AD_HOC',
}
registerEnumType(MeetingKind, {
  name: 'JointMeetingKind',
  description: 'Kind of joint meeting (会议类型).',
  valuesConfig: {
    REGULAR_BIMONTHLY: { description: 'The regular bimonthly joint meeting (双月沟通会)' },
    AD_HOC: { description: 'A meeting called for one urgent matter (专题会议)' },
  },
});

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  IN_SESSION = 'IN_SESSION',
  CLOSED = 'CLOSED',
}
registerEnumType(MeetingStatus, {
  name: 'JointMeetingStatus',
  description: 'Stage of a joint meeting: PLANNED → IN_SESSION → CLOSED.',
  valuesConfig: {
    PLANNED: { description: 'Scheduled; the agenda is being prepared (筹备中)' },
    IN_SESSION: { description: 'In session: decisions are being recorded (会议进行中)' },
    CLOSED: { description: 'Closed with its minutes; decisions are followed up (已结束)' },
  },
});

/** The most people a meeting is scheduled with (its input refuses more). */
const MAX_PARTICIPANTS = 50;

/** A person taking part, as the convening department recorded them. */
@ObjectType('MeetingParticipant', { description: 'A person taking part in a joint meeting (参会人员).' })
export class MeetingParticipant {
  @Field({ description: 'Name (姓名). Personal data.' })
  @Personal('name')
  name: string;

  @Field(() => Department, { description: 'Department the person represents (所属部门).' })
  @Public()
  department: Department;

  @Field({ description: 'Role at the meeting or in office, e.g. 主持人 or 仲裁院副院长 (职务).' })
  @Public()
  role: string;
}

/**
 * A joint meeting (双月沟通会) of the four departments, convened by the union's worker service centre:
 * its agenda, decisions and their follow-ups hang off it through the request's loaders.
 */
@ObjectType('JointMeeting', {
  description:
    'A joint meeting of the departments (双月沟通会/联席会议), convened by one of them. Every authenticated caller reads it; only COORDINATORs of a participating department change it.',
})
@RecordName('Joint meeting')
@Entity({ tableName: 'joint_meeting' })
export class JointMeeting extends BaseRecord<'status' | 'minutes' | 'closedAt' | 'startedAt'> {
  @Field(() => MeetingKind, { description: 'Kind of meeting (会议类型).' })
  @Public()
  @Enum({ items: () => MeetingKind })
  kind: MeetingKind;

  @Field(() => GraphQLISODateTime, { description: 'When it is (or was) held (会议时间).' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  @Index()
  scheduledAt: Date;

  @StringField('Where it is held (会议地点).', Public())
  place: string;

  @Field(() => Department, {
    description:
      'The convening department (召集单位): the department of the COORDINATOR who scheduled the meeting, always one of the participants.',
  })
  @Public()
  @Enum({ items: () => Department })
  convenedBy: Department;

  @Field(() => [Department], {
    description: capped(
      'Departments taking part (参会单位), the convening one included; their COORDINATORs change the meeting.',
      4,
      'there are four',
    ),
  })
  @Public()
  @ListCap(4)
  @Property({ type: ArrayType, columnType: 'text[]' })
  participatingDepartments: Department[];

  @Field(() => [MeetingParticipant], {
    description: capped(
      'People taking part (参会人员); their names are personal data.',
      MAX_PARTICIPANTS,
      'a meeting is scheduled with no more',
    ),
  })
  @Public()
  @ListCap(MAX_PARTICIPANTS)
  @Property({ type: 'json' })
  participants: MeetingParticipant[];

  @StageField(MeetingStatus, 'Stage of the meeting.')
  status: MeetingStatus = MeetingStatus.PLANNED;

  /** Exposed by the resolver: participating departments only. */
  @Property({ type: 'text', nullable: true })
  minutes: string | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was opened (开始时间); empty while planned.' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was closed (结束时间); empty until then.' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
