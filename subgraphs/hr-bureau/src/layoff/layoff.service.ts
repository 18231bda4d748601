import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  dateRangeConditions,
  filterUses,
  changeVersioned,
  Department,
  insertOrConflict,
  LEGAL_PERIODS,
  newestFirstPage,
  PAGE_BOUND,
  refuseUnreadableFilters,
  sizeWithin,
  type Connection,
  type Principal,
} from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseConditions } from '../lists/list-filters';
import { LayoffReport } from './layoff-report.entity';
import type { CreateLayoffReportInput, LayoffReportsArgs, UpdateLayoffReportInput } from './layoff.input';

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

/** The field of LayoffReport whose value each filter tests: what a caller learns of every report by using it. */
const FILTERED_FIELD: Record<keyof NonNullable<LayoffReportsArgs['filter']>, string> = {
  reportedOn: 'reportedOn',
  effectiveOn: 'effectiveOn',
  plannedCountAtLeast: 'plannedCount',
  meetsNoticePeriod: 'meetsNoticePeriod',
  district: 'enterprise',
  enterprise: 'enterprise',
};

/**
 * A page of layoff reports, newest filed first (same-day ones by number), that the filter matches;
 * every condition in SQL. Two statements: the page and the count.
 */
export async function listLayoffReports(
  em: EntityManager,
  args: LayoffReportsArgs,
  caller: { schema: GraphQLSchema; principal: Principal | null },
): Promise<Connection<LayoffReport>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  const filter = args.filter ?? {};
  refuseUnreadableFilters(caller.schema, 'LayoffReport', Department.HR_BUREAU, caller.principal, filterUses(filter, FILTERED_FIELD));

  const conditions: Array<FilterQuery<LayoffReport>> = [
    ...dateRangeConditions(filter, ['reportedOn', 'effectiveOn']),
    ...enterpriseConditions('enterprise', filter),
  ];
  if (filter.plannedCountAtLeast != null) conditions.push({ plannedCount: { $gte: filter.plannedCountAtLeast } });
  if (typeof filter.meetsNoticePeriod === 'boolean') {
    // As `LayoffReport.meetsNoticePeriod`: days from the report to the layoff (date minus date is days in PostgreSQL).
    const notice = raw((alias: string) => `${alias}.effective_on - ${alias}.reported_on`);
    const days = filter.meetsNoticePeriod ? { $gte: LEGAL_PERIODS.layoffNotice } : { $lt: LEGAL_PERIODS.layoffNotice };
    conditions.push({ [notice]: days });
  }

  const where: FilterQuery<LayoffReport> = conditions.length ? { $and: conditions } : {};
  return newestFirstPage(em, LayoffReport, where, { date: 'reportedOn', key: 'reportNo' }, first, args.after);
}
