/**
 * The labour bureau's own records besides arbitration: labour-security inspections ("double random"
 * checks, complaint-driven checks, special campaigns), wage-arrears warnings (mostly on building sites)
 * and mass-layoff reports.
 */
import type { AlertLevel, DemoEnterprise, DemoInspection, DemoLayoffReport, DemoWageArrearsAlert, InspectionKind } from './world.types';
import { numberRecord, randomEnterprises, scaled, type GenContext } from './context';
import { WeightedTable, type Prng } from './prng';
import { dayOf, isoOf, monthOf } from './dates';
import { fenOfYuan, moneyOf } from './money';
import { industryByName } from './vocab-enterprises';
import {
  CONSTRUCTION_PROJECTS,
  INSPECTION_CLEAN_FINDINGS,
  INSPECTION_VIOLATION_FINDINGS,
  LAYOFF_REASONS,
  NON_CONSTRUCTION_ARREARS,
  PLACEMENT_PLANS,
  SPECIAL_CAMPAIGNS,
} from './vocab-texts';

const HR_RECORDS_AT_SCALE_1 = { inspections: 200, alerts: 25, layoffs: 6 } as const;

/** The warning level: by the number of workers owed and by the sum, whichever is worse. */
function alertLevelOf(amountFen: number, workers: number): AlertLevel {
  if (workers >= 50 || amountFen >= fenOfYuan(1_000_000)) return 'RED';
  if (workers >= 20 || amountFen >= fenOfYuan(300_000)) return 'ORANGE';
  if (workers >= 10 || amountFen >= fenOfYuan(100_000)) return 'YELLOW';
  return 'BLUE';
}

export function addInspection(ctx: GenContext, record: Omit<DemoInspection, 'inspectionNo'>, fixed = false): DemoInspection {
  const inspection: DemoInspection = { inspectionNo: '', ...record };
  numberRecord(ctx, 'inspection', dayOf(record.inspectedOn), fixed, (no) => {
    inspection.inspectionNo = no;
  });
  ctx.world.hr.inspections.push(inspection);
  return inspection;
}

function drawInspection(
  prng: Prng,
  ctx: GenContext,
  enterprise: DemoEnterprise,
  kind: InspectionKind,
  day: number,
  violationChance: number,
): void {
  const recent = ctx.asOf - day <= 3;
  const violationFound = !recent && prng.chance(violationChance);
  let findings = recent
    ? '检查进行中，正在调取劳动合同及工资支付台账。'
    : prng.pick(violationFound ? INSPECTION_VIOLATION_FINDINGS : INSPECTION_CLEAN_FINDINGS);
  if (kind === 'SPECIAL_CAMPAIGN') findings = `${prng.pick(SPECIAL_CAMPAIGNS)}：${findings}`;
  const due = violationFound ? day + prng.int(10, 30) : null;
  const closeDay = violationFound ? day + prng.int(12, 45) : day + prng.int(0, 10);
  const closed = !recent && closeDay <= ctx.asOf;
  addInspection(ctx, {
    enterpriseCreditCode: enterprise.creditCode,
    kind,
    inspectedOn: isoOf(day),
    findings,
    violationFound,
    rectificationDueOn: due === null ? null : isoOf(due),
    closedOn: closed ? isoOf(closeDay) : null,
    status: closed ? 'CLOSED' : violationFound ? 'RECTIFYING' : 'OPEN',
  });
}

function addInspections(ctx: GenContext, prng: Prng, all: DemoEnterprise[]): void {
  const wageDisputes = ctx.disputes.filter((d) => !d.fixedNumbers && d.claim.kinds.includes('WAGES'));
  const campaignTargets = all.filter((e) => ['建筑施工', '物流仓储', '餐饮住宿'].includes(e.industry));
  const count = scaled(ctx, HR_RECORDS_AT_SCALE_1.inspections) - ctx.world.hr.inspections.length;
  for (let i = 0; i < count; i++) {
    const kind = prng.weighted<InspectionKind>([
      ['RANDOM', 60],
      ['COMPLAINT', 30],
      ['SPECIAL_CAMPAIGN', 10],
    ]);
    if (kind === 'COMPLAINT' && wageDisputes.length > 0) {
      // A wage complaint to the bureau's hotline leads to a check shortly after the dispute starts.
      const d = prng.pick(wageDisputes);
      drawInspection(prng, ctx, d.enterprise, kind, Math.min(ctx.asOf, d.startDay + prng.int(0, 20)), 0.65);
    } else if (kind === 'SPECIAL_CAMPAIGN' && campaignTargets.length > 0) {
      // The winter campaign against wage arrears runs from November to January, before the Spring Festival.
      let day = prng.int(ctx.windowStart, ctx.asOf);
      for (let tries = 0; tries < 20 && ![11, 12, 1].includes(monthOf(day)); tries++) day = prng.int(ctx.windowStart, ctx.asOf);
      drawInspection(prng, ctx, prng.pick(campaignTargets), kind, day, 0.4);
    } else {
      drawInspection(prng, ctx, prng.pick(all), 'RANDOM', prng.int(ctx.windowStart, ctx.asOf), 0.2);
    }
  }
}

export function addAlert(
  ctx: GenContext,
  record: Omit<DemoWageArrearsAlert, 'alertNo' | 'level' | 'amountOwed'> & { amountFen: number },
  fixed = false,
): DemoWageArrearsAlert {
  const { amountFen, ...rest } = record;
  const alert: DemoWageArrearsAlert = {
    alertNo: '',
    ...rest,
    level: alertLevelOf(amountFen, record.workersAffected),
    amountOwed: moneyOf(amountFen),
  };
  numberRecord(ctx, 'alert', dayOf(record.raisedOn), fixed, (no) => {
    alert.alertNo = no;
  });
  ctx.world.hr.wageArrearsAlerts.push(alert);
  return alert;
}

function addAlerts(ctx: GenContext, prng: Prng, all: DemoEnterprise[]): void {
  const risk: Record<string, number> = { 建筑施工: 12, 物流仓储: 2, 餐饮住宿: 2, 商贸零售: 1 };
  const table = new WeightedTable(all, (e) => risk[e.industry] ?? 0.3);
  const count = scaled(ctx, HR_RECORDS_AT_SCALE_1.alerts) - ctx.world.hr.wageArrearsAlerts.length;
  for (let i = 0; i < count; i++) {
    const e = table.draw(prng);
    const construction = e.industry === '建筑施工';
    const workers = Math.min(e.employeeCount, construction ? prng.int(5, 80) : prng.int(3, 30));
    const [minWage, maxWage] = industryByName(e.industry).monthlyWage;
    const amountFen = workers * prng.int(1, 4) * prng.int(minWage / 100, maxWage / 100) * 10_000;
    const raisedDay = prng.int(ctx.windowStart, ctx.asOf);
    const resolvedDay = raisedDay + prng.int(5, 60);
    addAlert(ctx, {
      enterpriseCreditCode: e.creditCode,
      project: construction ? prng.pick(CONSTRUCTION_PROJECTS) : prng.pick(NON_CONSTRUCTION_ARREARS),
      amountFen,
      workersAffected: workers,
      raisedOn: isoOf(raisedDay),
      resolvedOn: resolvedDay <= ctx.asOf && prng.chance(0.9) ? isoOf(resolvedDay) : null,
    });
  }
}

export function addLayoffReport(ctx: GenContext, record: Omit<DemoLayoffReport, 'reportNo'>, fixed = false): DemoLayoffReport {
  const report: DemoLayoffReport = { reportNo: '', ...record };
  numberRecord(ctx, 'layoff', dayOf(record.reportedOn), fixed, (no) => {
    report.reportNo = no;
  });
  ctx.world.hr.layoffReports.push(report);
  return report;
}

function addLayoffReports(ctx: GenContext, prng: Prng, all: DemoEnterprise[]): void {
  const candidates = all.filter((e) => e.employeeCount >= 100);
  const count = scaled(ctx, HR_RECORDS_AT_SCALE_1.layoffs) - ctx.world.hr.layoffReports.length;
  for (const e of prng.shuffle(candidates).slice(0, Math.max(0, count))) {
    // A mass layoff: 20 or more workers, or at least 10% of the workforce; reported 30 days ahead.
    const planned = Math.max(20, Math.round((e.employeeCount * prng.int(10, 30)) / 100));
    const reportedDay = prng.int(ctx.windowStart, ctx.asOf - 30);
    const effectiveDay = reportedDay + prng.int(30, Math.min(60, ctx.asOf - reportedDay));
    addLayoffReport(ctx, {
      enterpriseCreditCode: e.creditCode,
      plannedCount: Math.min(planned, e.employeeCount),
      reason: prng.pick(LAYOFF_REASONS),
      reportedOn: isoOf(reportedDay),
      effectiveOn: isoOf(effectiveDay),
      placementPlan: prng.pick(PLACEMENT_PLANS),
    });
  }
}

export function addRandomHrRecords(ctx: GenContext): void {
  const prng = ctx.rng('hr');
  const all = randomEnterprises(ctx);
  addInspections(ctx, prng, all);
  addAlerts(ctx, prng, all);
  addLayoffReports(ctx, prng, all);
}
