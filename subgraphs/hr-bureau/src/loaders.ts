import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, uniqueLoader } from '@labour/shared';
import { ArbitrationCase } from './arbitration/arbitration-case.entity';
import { Enterprise } from './enterprise/enterprise.entity';
import { LaborInspection } from './inspection/inspection.entity';
import { LayoffReport } from './layoff/layoff-report.entity';
import { WageArrearsAlert } from './wage-arrears/wage-arrears-alert.entity';
import { Worker } from './worker/worker.entity';

const asc = { orderBy: { id: 'asc' } } as const;

/** The request's loaders: each batches all keys asked in one tick into one SQL statement. */
export function createHrLoaders(em: EntityManager) {
  const enterpriseKey = (row: { enterprise: { id: string } }) => row.enterprise.id;
  return {
    enterpriseById: uniqueLoader(
      (ids) => em.find(Enterprise, { id: { $in: [...ids] } }),
      (e) => e.id,
    ),
    enterpriseByCreditCode: uniqueLoader(
      (codes) => em.find(Enterprise, { creditCode: { $in: [...codes] } }),
      (e) => e.creditCode,
    ),
    workerByPersonRef: uniqueLoader(
      (refs) => em.find(Worker, { personRef: { $in: [...refs] } }),
      (w) => w.personRef,
    ),
    workersByEmployerId: groupLoader(
      (ids) => em.find(Worker, { employer: { $in: [...ids] } }, { orderBy: { name: 'asc' } }),
      (w) => w.employer?.id ?? '',
    ),
    inspectionsByEnterpriseId: groupLoader(
      (ids) => em.find(LaborInspection, { enterprise: { $in: [...ids] } }, { orderBy: { inspectedOn: 'desc' } }),
      enterpriseKey,
    ),
    alertsByEnterpriseId: groupLoader(
      (ids) => em.find(WageArrearsAlert, { enterprise: { $in: [...ids] } }, { orderBy: { raisedOn: 'desc' } }),
      enterpriseKey,
    ),
    layoffsByEnterpriseId: groupLoader(
      (ids) => em.find(LayoffReport, { enterprise: { $in: [...ids] } }, { orderBy: { reportedOn: 'desc' } }),
      enterpriseKey,
    ),
    arbitrationByRespondentId: groupLoader(
      (ids) => em.find(ArbitrationCase, { respondent: { $in: [...ids] } }, { orderBy: { filedOn: 'desc' } }),
      (c) => c.respondent.id,
    ),
    arbitrationByPersonRef: groupLoader(
      (refs) => em.find(ArbitrationCase, { applicantRefs: { $overlap: [...refs] } }, { orderBy: { filedOn: 'desc' } }),
      (c) => c.applicantRefs,
    ),
    arbitrationByDisputeNo: groupLoader(
      (nos) => em.find(ArbitrationCase, { disputeNo: { $in: [...nos] } }, asc),
      (c) => c.disputeNo,
    ),
  };
}

export type HrLoaders = ReturnType<typeof createHrLoaders>;
