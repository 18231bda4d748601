import type { EntityManager } from '@mikro-orm/postgresql';
import { insertOrConflict, changeVersioned } from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { LayoffReport } from './layoff-report.entity';
import type { CreateLayoffReportInput, UpdateLayoffReportInput } from './layoff.input';

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
