import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, capped, DateScalar, Department, ListCap, Public, PublicDateField, RecordName } from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum DecisionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'State of a meeting decision: OPEN until done or cancelled, as its follow-ups record.',
  valuesConfig: {
    OPEN: { description: 'To be carried out (待落实)' },
    DONE: { description: 'Carried out (已落实)' },
    CANCELLED: { description: 'No longer to be carried out (已撤销)' },
  },
});

/** A decision of a joint meeting (会议议定事项): who leads, who joins, by when. */
@ObjectType('Decision', {
  description:
    'A decision of a joint meeting (会议议定事项): what is to be done, by which lead department (牵头单位) with which others (参加单位), by when.',
})
@RecordName('Decision of this meeting', { key: 'id' })
@Entity({ tableName: 'meeting_decision' })
export class Decision extends BaseRecord<'status'> {
  /** The meeting's id, for the `JointMeeting.decisions` loader. */
  @Property({ type: 'uuid' })
  @Index()
  meetingId: string;

  /** Exposed by the resolver: participating departments only (meeting-record.ts). */
  @Property({ type: 'text' })
  summary: string;

  @Field(() => Department, { description: 'Lead department (牵头单位).' })
  @Public()
  @Enum({ items: () => Department })
  leadDepartment: Department;

  @Field(() => [Department], { description: capped('Other departments taking part (参加单位).', 3, 'the lead aside, there are three') })
  @Public()
  @ListCap(3)
  @Property({ type: ArrayType, columnType: 'text[]' })
  participatingDepartments: Department[];

  @PublicDateField('Day by which it is to be carried out (完成时限).')
  dueOn: string;

  @Field(() => DecisionStatus, { description: 'State of the decision.' })
  @Public()
  @Enum({ items: () => DecisionStatus })
  status: DecisionStatus = DecisionStatus.OPEN;
}

/** A follow-up visit or check on a decision (事后回访). */
@ObjectType('FollowUp', { description: 'A follow-up on a meeting decision (事后回访): who checked, when, what they found.' })
@Entity({ tableName: 'decision_follow_up' })
export class FollowUp extends BaseRecord {
  /** The decision's id, for the `Decision.followUps` loader. */
  @Property({ type: 'uuid' })
  @Index()
  decisionId: string;

  @Field(() => DateScalar, { description: 'Day of the follow-up (回访日期).' })
  @Public()
  @Property({ type: 'date', fieldName: 'followed_up_on' })
  on: string;

  @Field(() => Department, { description: 'Department that followed up (回访单位).' })
  @Public()
  @Enum({ items: () => Department })
  by: Department;

  /** Exposed by the resolver: participating departments only (meeting-record.ts). */
  @Property({ type: 'text' })
  note: string;

  /** Exposed by the resolver: participating departments only (meeting-record.ts). */
  @Property({ type: 'text' })
  result: string;
}
