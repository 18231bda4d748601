import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseRecord, DateScalar, Department, Public, RecordName, StringField } from '@labour/shared';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { ActingOfficial } from '../common/acting-official';

export enum NoticeKind {
  WAGE_ARREARS = 'WAGE_ARREARS',
  LAYOFF = 'LAYOFF',
  REFERRAL = 'REFERRAL',
  JUDICIAL_SUGGESTION = 'JUDICIAL_SUGGESTION',
  HAZARD = 'HAZARD',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a notice between departments is about (通报类别).',
  valuesConfig: {
    WAGE_ARREARS: { description: 'Wage arrears at an enterprise (欠薪)' },
    LAYOFF: { description: 'A mass layoff (经济性裁员)' },
    REFERRAL: {
      description: 'A case referred to the receiving department (转介); carries the disputeNo so its new case joins the same dispute',
    },
    JUDICIAL_SUGGESTION: { description: 'A judicial suggestion (司法建议)' },
    HAZARD: { description: 'Another hazard to workers\u2019 rights or stability (隐患)' },
  },
});

export enum NoticeSeverity {
  MAJOR = 'MAJOR',
  ROUTINE = 'ROUTINE',
}
registerEnumType(NoticeSeverity, {
  name: 'NoticeSeverity',
  description:
    'How urgently a notice travels: major hazards at once, typical problems in the periodic digest (重大隐患马上报、典型问题定期报).',
  valuesConfig: {
    MAJOR: { description: 'Major: reported at once (重大隐患马上报)' },
    ROUTINE: { description: 'Routine: in the periodic digest (典型问题定期报)' },
  },
});

export enum NoticeStatus {
  SENT = 'SENT',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ANSWERED = 'ANSWERED',
}
registerEnumType(NoticeStatus, {
  name: 'NoticeStatus',
  description: 'Where a notice stands: SENT → ACKNOWLEDGED → ANSWERED; only the recipient moves it.',
  valuesConfig: {
    SENT: { description: 'Sent, not yet acknowledged (已发送)' },
    ACKNOWLEDGED: { description: 'The recipient has acknowledged it (已签收)' },
    ANSWERED: { description: 'The recipient has answered it (已答复)' },
  },
});

/**
 * A notice (通报) one department sends another over a sharing channel it provides: stored in the union
 * beside the channel registry, but it belongs to its sender and recipient, who alone see it. Its fields
 * are PUBLIC: visibility is decided per notice (sender or recipient), not per field.
 */
@ObjectType('Notice', {
  description:
    'A notice between departments (部门间通报) over a sharing channel: the recipient acknowledges and answers it within two working days (T+2). Visible to its sender and recipient departments only.',
})
@RecordName('Notice')
@Entity({ tableName: 'notice' })
@Unique({ properties: ['sender', 'idempotencyKey'] })
export class Notice extends BaseRecord<
  | 'enterpriseCreditCode'
  | 'disputeNo'
  | 'personRef'
  | 'sentAt'
  | 'acknowledgedAt'
  | 'acknowledgedBy'
  | 'answer'
  | 'answeredAt'
  | 'answeredBy'
  | 'status'
> {
  @StringField("The sender's idempotency key (幂等键): a retry with the same key returns this notice, never a second.", Public(), {
    length: 100,
  })
  idempotencyKey: string;

  @StringField('Code of the sharing channel it travelled over, e.g. HR-UNION-ARREARS.', Public(), { length: 60, index: true })
  channelCode: string;

  @Field(() => Department, { description: 'The department that sent it (通报单位): the channel\u2019s provider.' })
  @Public()
  @Enum({ items: () => Department })
  sender: Department;

  @Field(() => Department, { description: 'The department it is sent to (接收单位): a consumer of the channel.' })
  @Public()
  @Enum({ items: () => Department })
  @Index()
  recipient: Department;

  @Field(() => NoticeKind, { description: 'What it is about.' })
  @Public()
  @Enum({ items: () => NoticeKind })
  kind: NoticeKind;

  @Field(() => NoticeSeverity, { description: 'Major (at once) or routine (periodic digest).' })
  @Public()
  @Enum({ items: () => NoticeSeverity })
  severity: NoticeSeverity;

  @StringField('Credit code of the enterprise it is about, when its subject is an enterprise.', Public(), {
    length: 18,
    nullable: true,
    index: true,
  })
  enterpriseCreditCode: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Dispute number it is about (争议编号), when its subject is a dispute; always set for a REFERRAL.',
  })
  @Public()
  @Property({ length: 20, nullable: true })
  @Index()
  disputeNo: string | null = null;

  @StringField('personRef of the worker it is about (人员关联码), when its subject is a worker.', Public(), { length: 32, nullable: true })
  personRef: string | null = null;

  @StringField('What the sender reports (通报内容).', Public())
  summary: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was sent (发送时间).' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sentAt: Date = new Date();

  @Field(() => DateScalar, {
    description:
      'Day by which the recipient must answer: two working days after sending (T+2; weekends skipped, public holidays not modelled).',
  })
  @Public()
  @Property({ type: 'date' })
  @Index()
  dueOn: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the recipient acknowledged it (签收时间).' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;

  @Field(() => ActingOfficial, { nullable: true, description: 'Who acknowledged it.' })
  @Public()
  @Property({ type: 'json', nullable: true })
  acknowledgedBy: ActingOfficial | null = null;

  @StringField("The recipient's answer (答复): what it did or will do.", Public(), { nullable: true })
  answer: string | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the recipient answered (答复时间).' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  answeredAt: Date | null = null;

  @Field(() => ActingOfficial, { nullable: true, description: 'Who answered it.' })
  @Public()
  @Property({ type: 'json', nullable: true })
  answeredBy: ActingOfficial | null = null;

  @Field(() => NoticeStatus, { description: 'Where it stands.' })
  @Public()
  @Enum({ items: () => NoticeStatus })
  @Index()
  status: NoticeStatus = NoticeStatus.SENT;
}

/** Not answered and its due day has passed. */
export function isNoticeOverdue(notice: Pick<Notice, 'status' | 'dueOn'>, today: string): boolean {
  return notice.status !== NoticeStatus.ANSWERED && notice.dueOn < today;
}
