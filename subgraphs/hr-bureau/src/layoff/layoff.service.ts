import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { atLeastConditions, changeVersioned, dateRangeConditions, insertOrConflict, LEGAL_PERIODS, sameNamedFields } from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseRecordList } from '../lists/list-filters';
import { LayoffReport } from './layoff-report.entity';
import type { CreateLayoffReportInput, LayoffReportFilter, UpdateLayoffReportInput } from './layoff.input';

export async function createLayoffReport(em: EntityManager, input: CreateLayoffReportInput): Promise<LayoffReport> {
  const enterprise = await requireEnterprise(em, input.enterpriseCreditCode, 'enterpriseCreditCode');
  const { enterpriseCreditCode: _code, ...fields } = input;
  const created = em.create(LayoffReport, { ...fields, enterprise });
  return insertOrConflict(em, created, 'A layoff report');
}

export async function updateLayoffReport(em: EntityManager, input: UpdateLayoffReportInput): Promise<LayoffReport> {
  return changeVersioned(em, LayoffReport, 'reportNo', input, (report) => {
    if (input.plannedCount != null) report.plannedCount = input.plannedCount;
    if (input.placementPlan != null) report.placementPlan = input.placementPlan;
  });
}

/** As `LayoffReport.meetsNoticePeriod`: days from the report to the layoff (date minus date is days in PostgreSQL). */
function noticePeriodConditions(meets: boolean | null | undefined) {
  if (meets == null) return [];
  const notice = raw((alias: string) => `${alias}.effective_on - ${alias}.reported_on`);
  return [{ [notice]: meets ? { $gte: LEGAL_PERIODS.layoffNotice } : { $lt: LEGAL_PERIODS.layoffNotice } }];
}

/**
 * The list of layoff reports, newest filed first (same-day ones by number), that the filter matches;
 * every condition in SQL.
 */
export const LAYOFF_REPORT_LIST = enterpriseRecordList(LayoffReport, 'enterprise', {
  order: { date: 'reportedOn', key: 'reportNo' },
  // The field of LayoffReport whose value each filter tests: what a caller learns of every report by using it.
  filterFields: { ...sameNamedFields('reportedOn', 'effectiveOn', 'meetsNoticePeriod'), plannedCountAtLeast: 'plannedCount' },
  conditions: (filter: LayoffReportFilter) => [
    ...dateRangeConditions(filter, ['reportedOn', 'effectiveOn']),
    ...atLeastConditions(filter, { plannedCountAtLeast: 'plannedCount' }),
    ...noticePeriodConditions(filter.meetsNoticePeriod),
  ],
});
