import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Public, PublicDateField, Shared, RecordName, StringField } from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.entity';

export enum InspectionKind {
  RANDOM = 'RANDOM',
  COMPLAINT = 'COMPLAINT',
  SPECIAL_CAMPAIGN = 'SPECIAL_CAMPAIGN',
}
registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description: 'Why an inspection took place.',
  valuesConfig: {
    RANDOM: { description: 'Random selection of inspector and enterprise (双随机一公开)' },
    COMPLAINT: { description: 'Following a complaint or hotline report (投诉举报)' },
    SPECIAL_CAMPAIGN: { description: 'Special campaign, e.g. winter wage-arrears drive (专项检查)' },
  },
});

export enum InspectionStatus {
  OPEN = 'OPEN',
  RECTIFYING = 'RECTIFYING',
  CLOSED = 'CLOSED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'Stage of an inspection.',
  valuesConfig: {
    OPEN: { description: 'Under way (检查中)' },
    RECTIFYING: { description: 'Violation found, rectification ordered (责令整改)' },
    CLOSED: { description: 'Closed (结案)' },
  },
});

/** A labour-security inspection (劳动保障监察) of an enterprise. */
@ObjectType('LaborInspection', { description: 'A labour-security inspection of an enterprise (劳动保障监察). Owned by HR_BUREAU.' })
@RecordName('Inspection')
@Entity({ tableName: 'labor_inspection' })
// The order of the `laborInspections` list (newest first, then number): a page reads no more rows than it returns.
@Index({
  name: 'labor_inspection_inspected_on_inspection_no_idx',
  expression: 'create index "labor_inspection_inspected_on_inspection_no_idx" on "labor_inspection" ("inspected_on" desc, "inspection_no")',
})
export class LaborInspection extends BaseRecord<'rectificationDueOn' | 'closedOn'> {
  @StringField('Inspection number (监察编号).', Public(), { length: 40, unique: true })
  inspectionNo: string;

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise: Ref<Enterprise>;

  @Field(() => InspectionKind, { description: 'Why the inspection took place.' })
  @Public()
  @Enum({ items: () => InspectionKind })
  kind: InspectionKind;

  @PublicDateField('Date of the inspection (检查日期).')
  inspectedOn: string;

  @StringField('What the inspectors found (检查情况).', Shared(), { refusable: true })
  findings: string;

  @Field({ description: 'Whether a violation was found (是否发现违法行为).' })
  @Public()
  @Property()
  violationFound: boolean;

  @PublicDateField('Deadline for rectification (整改期限), when a violation was found.', { nullable: true })
  rectificationDueOn: string | null = null;

  @PublicDateField('Date the inspection was closed (结案日期).', { nullable: true })
  closedOn: string | null = null;

  @Field(() => InspectionStatus, { description: 'Stage of the inspection.' })
  @Public()
  @Enum({ items: () => InspectionStatus })
  @Index() // the list's status filter
  status: InspectionStatus;
}
