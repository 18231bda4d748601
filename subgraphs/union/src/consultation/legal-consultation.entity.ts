import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Party, Public, PublicDateField, Shared, RecordHolds, RecordName, PartyField, StringField } from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ConsultationChannel {
  HOTLINE = 'HOTLINE',
  WALK_IN = 'WALK_IN',
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
}
registerEnumType(ConsultationChannel, {
  name: 'ConsultationChannel',
  description: 'How a legal consultation reached the union (咨询渠道).',
  valuesConfig: {
    HOTLINE: { description: 'Union hotline 12351 (热线)' },
    WALK_IN: { description: 'At the worker service centre (来访)' },
    ONLINE: { description: 'Online (网上咨询)' },
    ON_SITE: { description: 'At the enterprise, e.g. legal-service visits (上门服务)' },
  },
});

/** A legal consultation (法律咨询) the union answered for a worker or an enterprise. */
@ObjectType('LegalConsultation', {
  description: 'A legal consultation answered by the union (工会法律咨询), for a worker or an enterprise. Owned by UNION.',
})
// Its parties belong to it: a channel's scope decides their names and ID numbers by this record.
@RecordHolds<LegalConsultation>(['worker'])
@RecordName('Legal consultation')
@Entity({ tableName: 'legal_consultation' })
// The order of the `legalConsultations` list (the latest first, same day by number): a page reads only its rows.
@Index({
  name: 'legal_consultation_consulted_on_consultation_no_idx',
  expression:
    'create index "legal_consultation_consulted_on_consultation_no_idx" on "legal_consultation" ("consulted_on" desc, "consultation_no")',
})
// The list's filter by channel.
@Index({ properties: ['channel'] })
export class LegalConsultation extends BaseRecord<'worker' | 'workerRef' | 'enterpriseCreditCode' | 'referredToLegalAid' | 'disputeNo'> {
  @StringField('Consultation number (咨询编号), e.g. ZX-2026-00102.', Public(), { length: 40, unique: true })
  consultationNo: string;

  // The link is public; the Party's name and idNumber are PERSONAL and masked on their own.
  @PartyField('The worker who asked (咨询人); empty when an enterprise asked.', { nullable: true })
  worker: Party | null = null;

  /** personRef of the worker, for the `Worker.legalConsultations` lookup. */
  @Property({ length: 32, nullable: true })
  @Index()
  workerRef: string | null = null;

  @StringField('Credit code of the enterprise concerned (涉及单位), or that asked.', Public(), { length: 18, nullable: true, index: true })
  enterpriseCreditCode: string | null = null;

  @Field(() => ConsultationChannel, { description: 'How the question came in.' })
  @Public()
  @Enum({ items: () => ConsultationChannel })
  channel: ConsultationChannel;

  @StringField('Topic (咨询事项), e.g. unpaid overtime.', Shared(), { length: 200, refusable: true })
  topic: string;

  @StringField('Summary of the answer given (解答摘要).', Shared(), { refusable: true })
  answerSummary: string;

  @PublicDateField('Date of the consultation (咨询日期).')
  consultedOn: string;

  // A yes/no flag, like a status; what was asked and answered is SHARED.
  @Field({ description: 'Whether the worker was referred to legal aid (转介法律援助).' })
  @Public()
  @Property()
  referredToLegalAid: boolean = false;

  @StringField('Dispute number (争议编号) when the question belongs to a dispute.', Public(), { length: 20, nullable: true, index: true })
  disputeNo: string | null = null;
}
