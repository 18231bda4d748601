import { Entity, Enum, Index } from '@mikro-orm/decorators/legacy';
import {
  BaseRecord,
  Party,
  Public,
  PublicDateField,
  Shared,
  RecordHolds,
  RecordName,
  PartyField,
  PersonRefColumn,
  StringField,
  SharedAmountField,
} from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum AidKind {
  LIVING = 'LIVING',
  MEDICAL = 'MEDICAL',
  EDUCATION = 'EDUCATION',
  EMERGENCY = 'EMERGENCY',
}
registerEnumType(AidKind, {
  name: 'AidKind',
  description: 'Kind of hardship aid (帮扶类型).',
  valuesConfig: {
    LIVING: { description: 'Living allowance (生活救助)' },
    MEDICAL: { description: 'Medical aid (医疗救助)' },
    EDUCATION: { description: 'Education aid for the children (助学)' },
    EMERGENCY: { description: 'Emergency relief (应急救助)' },
  },
});

/** Aid the union granted a worker in hardship (困难职工帮扶). */
@ObjectType('HardshipAid', { description: 'Aid granted to a worker in hardship (困难职工帮扶). Owned by UNION.' })
// Its parties belong to it: a channel's scope decides their names and ID numbers by this record.
@RecordHolds<HardshipAid>(['recipient'])
@RecordName('Hardship aid')
@Entity({ tableName: 'hardship_aid' })
// The order of the `hardshipAids` list (the latest grant first, same day by aid number): a page reads only its rows.
@Index({
  name: 'hardship_aid_granted_on_aid_no_idx',
  expression: 'create index "hardship_aid_granted_on_aid_no_idx" on "hardship_aid" ("granted_on" desc, "aid_no")',
})
// The list's filters by kind and by amount.
@Index({ properties: ['kind'] })
@Index({ properties: ['amount'] })
export class HardshipAid extends BaseRecord<'enterpriseCreditCode'> {
  @StringField('Aid number (帮扶编号), e.g. BF-2026-00031.', Public(), { length: 40, unique: true })
  aidNo: string;

  // The link is public; the Party's name and idNumber are PERSONAL and masked on their own.
  @PartyField('The worker who received the aid (受助职工).')
  recipient: Party;

  /** personRef of the recipient, for the `Worker.hardshipAids` lookup. */
  @PersonRefColumn()
  recipientRef: string;

  @StringField("Credit code of the recipient's employer (所在单位), if any.", Public(), { length: 18, nullable: true, index: true })
  enterpriseCreditCode: string | null = null;

  @Field(() => AidKind, { description: 'Kind of aid.' })
  @Public()
  @Enum({ items: () => AidKind })
  kind: AidKind;

  @SharedAmountField('Amount granted, in yuan (帮扶金额).')
  amount: string;

  @PublicDateField('Date the aid was granted (发放日期).')
  grantedOn: string;

  // Substance of the aid case that departments exchange through channels; who received it stays PERSONAL on the Party.
  @StringField('Why the aid was granted (帮扶原因).', Shared(), { refusable: true })
  reason: string;
}
