import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Department, Public, RecordName, StringField } from '@labour/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AgendaSubjectKind {
  ENTERPRISE = 'ENTERPRISE',
  DISPUTE = 'DISPUTE',
  TOPIC = 'TOPIC',
}
registerEnumType(AgendaSubjectKind, {
  name: 'AgendaSubjectKind',
  description: 'What an agenda item is about (议题类型).',
  valuesConfig: {
    ENTERPRISE: { description: "An enterprise of the labour bureau's file (企业)" },
    DISPUTE: { description: 'A labour dispute, by its dispute number (争议)' },
    TOPIC: { description: 'A free topic (其他议题)' },
  },
});

/** One item of a meeting's agenda (议题): an enterprise, a dispute or a free topic, and who raised it why. */
@ObjectType('AgendaItem', {
  description: "An item on a joint meeting's agenda (会议议题): an enterprise, a dispute or a free topic, raised by a department.",
})
@RecordName('Agenda item of this meeting', { key: 'id' })
@Entity({ tableName: 'meeting_agenda_item' })
export class AgendaItem extends BaseRecord<'enterpriseCreditCode' | 'disputeNo' | 'topic'> {
  /** The meeting's id, for the `JointMeeting.agenda` loader. */
  @Property({ type: 'uuid' })
  @Index()
  meetingId: string;

  @Field(() => Int, { description: 'Place on the agenda, from 1 (顺序).' })
  @Public()
  @Property()
  position: number;

  @Field(() => AgendaSubjectKind, { description: 'What the item is about.' })
  @Public()
  @Enum({ items: () => AgendaSubjectKind })
  subjectKind: AgendaSubjectKind;

  @StringField('Credit code of the enterprise, for an ENTERPRISE item.', Public(), { length: 18, nullable: true })
  enterpriseCreditCode: string | null = null;

  @StringField('Dispute number, for a DISPUTE item.', Public(), { length: 20, nullable: true })
  disputeNo: string | null = null;

  @StringField('The topic, for a TOPIC item (议题).', Public(), { nullable: true })
  topic: string | null = null;

  @Field(() => Department, { description: 'Department that raised it (提出单位): the department of the COORDINATOR who added it.' })
  @Public()
  @Enum({ items: () => Department })
  raisedBy: Department;

  /** Exposed by the resolver: participating departments only (meeting-record.ts). */
  @Property({ type: 'text' })
  reason: string;
}
