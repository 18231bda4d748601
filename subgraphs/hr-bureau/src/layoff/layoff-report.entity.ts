import type { Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, daysBetween, LEGAL_PERIODS, Public, PublicDateField, Shared, RecordName, StringField } from '@labour/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.entity';

/**
 * A mass-layoff report (经济性裁员报告): 20 or more workers, or at least 10% of the workforce, explained
 * to the union or all workers 30 days ahead and reported to the labour bureau.
 */
@ObjectType('LayoffReport', { description: 'A mass-layoff report filed with the labour bureau (经济性裁员报告). Owned by HR_BUREAU.' })
@RecordName('Layoff report')
@Entity({ tableName: 'layoff_report' })
// The order of the `layoffReports` list (newest first, then number): a page reads no more rows than it returns.
@Index({
  name: 'layoff_report_reported_on_report_no_idx',
  expression: 'create index "layoff_report_reported_on_report_no_idx" on "layoff_report" ("reported_on" desc, "report_no")',
})
export class LayoffReport extends BaseRecord<'meetsNoticePeriod'> {
  @StringField('Report number (报告编号).', Public(), { length: 40, unique: true })
  reportNo: string;

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  enterprise: Ref<Enterprise>;

  @Field(() => Int, { description: 'Number of workers to be laid off (拟裁减人数).' })
  @Public()
  @Property()
  plannedCount: number;

  @StringField('Reason for the layoff (裁员理由).', Shared(), { refusable: true })
  reason: string;

  // Indexed for the risk signals' date window (事前预警).
  @PublicDateField('Date the plan was reported (报告日期).', { index: true })
  reportedOn: string;

  @PublicDateField('Date the layoff takes effect (实施日期).')
  effectiveOn: string;

  @StringField('Placement plan for the workers (职工安置方案).', Shared(), { refusable: true })
  placementPlan: string;

  @Field({ description: 'Whether the report came at least 30 days before the layoff takes effect (提前三十日).' })
  @Public()
  get meetsNoticePeriod(): boolean {
    return daysBetween(this.reportedOn, this.effectiveOn) >= LEGAL_PERIODS.layoffNotice;
  }
}
