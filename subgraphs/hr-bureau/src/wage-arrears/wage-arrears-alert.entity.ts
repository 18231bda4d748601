import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Public, PublicDateField, Shared, RecordName, StringField, SharedAmountField } from '@labour/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.entity';

export enum AlertLevel {
  BLUE = 'BLUE',
  YELLOW = 'YELLOW',
  ORANGE = 'ORANGE',
  RED = 'RED',
}
registerEnumType(AlertLevel, {
  name: 'AlertLevel',
  description: 'Severity of a wage-arrears warning (预警等级), from BLUE (lowest) to RED (highest).',
  valuesConfig: {
    BLUE: { description: 'Blue: watch (蓝色)' },
    YELLOW: { description: 'Yellow: elevated (黄色)' },
    ORANGE: { description: 'Orange: serious (橙色)' },
    RED: { description: 'Red: major hazard, reported at once (红色, 重大隐患)' },
  },
});

/** A wage-arrears warning (欠薪预警) raised against an enterprise, often for one construction project. */
@ObjectType('WageArrearsAlert', { description: 'A wage-arrears warning raised against an enterprise (欠薪预警). Owned by HR_BUREAU.' })
@RecordName('Wage-arrears warning')
@Entity({ tableName: 'wage_arrears_alert' })
// The order of the `wageArrearsAlerts` list (newest first, then number): a page reads no more rows than it returns.
@Index({
  name: 'wage_arrears_alert_raised_on_alert_no_idx',
  expression: 'create index "wage_arrears_alert_raised_on_alert_no_idx" on "wage_arrears_alert" ("raised_on" desc, "alert_no")',
})
export class WageArrearsAlert extends BaseRecord<'resolvedOn' | 'open'> {
  @StringField('Warning number (预警编号).', Public(), { length: 40, unique: true })
  alertNo: string;

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise: Ref<Enterprise>;

  // Names the site behind the arrears: exchanged through a channel, like the amount.
  @StringField('Project or site concerned (项目名称), e.g. a construction project.', Shared(), { length: 200, refusable: true })
  project: string;

  @Field(() => AlertLevel, { description: 'Severity (预警等级).' })
  @Public()
  @Enum({ items: () => AlertLevel })
  @Index() // the list's level filter
  level: AlertLevel;

  @SharedAmountField('Wages owed, in yuan (欠薪金额).')
  amountOwed: string;

  @Field(() => Int, { description: 'Number of workers owed wages (涉及人数).' })
  @Public()
  @Property()
  workersAffected: number;

  // Indexed for the risk signals' date window (事前预警).
  @PublicDateField('Date the warning was raised (预警日期).', { index: true })
  raisedOn: string;

  @PublicDateField('Date the arrears were settled (化解日期); empty while open.', { nullable: true })
  resolvedOn: string | null = null;

  @Field({ description: 'Whether the warning is still open (未化解).' })
  @Public()
  get open(): boolean {
    return this.resolvedOn === null;
  }
}
