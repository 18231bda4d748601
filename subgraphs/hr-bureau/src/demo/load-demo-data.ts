import type { EntityManager } from '@mikro-orm/postgresql';
import {
  analyzeOwnTables,
  arbitrationAcceptanceDueOn,
  arbitrationAwardDueOn,
  bulkInsert,
  Department,
  loadOwnDemoChannels,
  personRefOf,
  personRefsOf,
  toParty,
} from '@labour/shared';
import type { Logger } from 'pino';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import { Enterprise } from '../enterprise/enterprise.entity';
import { LaborInspection } from '../inspection/inspection.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';
import { Worker } from '../worker/worker.entity';

/** The legal deadline of an arbitration case's current stage, as `ArbitrationCase.dueOn` keeps it. */
function dueOnOf(c: { status: string; filedOn: string; acceptedOn: string | null; extended: boolean }): string | null {
  if (c.status === 'FILED') return arbitrationAcceptanceDueOn(c.filedOn);
  if (c.status === 'ACCEPTED') return arbitrationAwardDueOn(c.acceptedOn!, c.extended);
  return null;
}

/** Loads the labour bureau's slice of the demo world: the enterprise file first, then what refers to it. */
export async function loadHrDemoData(
  em: EntityManager,
  options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger },
): Promise<void> {
  // Loaded only when demo data is asked for: a production start never needs the generator.
  const { generateWorld } = await import('@labour/demo-world');
  const { hr } = generateWorld({ seed: 20140601, scale: options.scale, asOf: options.asOf });
  const enterprises = await bulkInsert(
    em,
    Enterprise,
    hr.enterprises.map((e) => ({ ...e })),
  );
  const idOf = new Map(enterprises.map((e) => [e['creditCode'] as string, e.id]));
  const enterpriseId = (code: string) => {
    const id = idOf.get(code);
    if (!id) throw new Error(`demo world refers to unknown enterprise ${code}`);
    return id;
  };
  await bulkInsert(
    em,
    Worker,
    hr.workers.map((w) => ({
      personRef: personRefOf(w.idNumber, options.linkageKey),
      name: w.name,
      idNumber: w.idNumber,
      phone: w.phone,
      employer: w.employerCreditCode ? enterpriseId(w.employerCreditCode) : null,
    })),
  );
  await bulkInsert(
    em,
    LaborInspection,
    hr.inspections.map(({ enterpriseCreditCode, ...i }) => ({ ...i, enterprise: enterpriseId(enterpriseCreditCode) })),
  );
  await bulkInsert(
    em,
    WageArrearsAlert,
    hr.wageArrearsAlerts.map(({ enterpriseCreditCode, ...a }) => ({ ...a, enterprise: enterpriseId(enterpriseCreditCode) })),
  );
  await bulkInsert(
    em,
    LayoffReport,
    hr.layoffReports.map(({ enterpriseCreditCode, ...r }) => ({ ...r, enterprise: enterpriseId(enterpriseCreditCode) })),
  );
  await bulkInsert(
    em,
    ArbitrationCase,
    hr.arbitrationCases.map(({ respondentCreditCode, applicants, ...c }) => {
      const parties = applicants.map((p) => toParty(p, options.linkageKey));
      return {
        ...c,
        applicants: parties,
        applicantRefs: personRefsOf(parties),
        respondent: enterpriseId(respondentCreditCode),
        dueOn: dueOnOf(c),
      };
    }),
  );
  // The channels this department provides, as its own ADMIN decided them: what it enforces.
  const ownChannels = await loadOwnDemoChannels(em, Department.HR_BUREAU, { asOf: options.asOf });
  await analyzeOwnTables(em);
  options.logger.info(
    { ownChannels, enterprises: hr.enterprises.length, workers: hr.workers.length, arbitrationCases: hr.arbitrationCases.length },
    'hr-bureau demo data',
  );
}
