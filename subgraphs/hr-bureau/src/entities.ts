import { AccessLogEntry, BaseRecord, ProviderChannel, WitnessedLogHead } from '@labour/shared';
import { ArbitrationCase } from './arbitration/arbitration-case.entity';
import { Enterprise } from './enterprise/enterprise.entity';
import { LaborInspection } from './inspection/inspection.entity';
import { LayoffReport } from './layoff/layoff-report.entity';
import { WageArrearsAlert } from './wage-arrears/wage-arrears-alert.entity';
import { Worker } from './worker/worker.entity';

/** hr-bureau's tables; the first one tells whether the database is empty. */
export const HR_ENTITIES = [
  Enterprise,
  Worker,
  LaborInspection,
  WageArrearsAlert,
  LayoffReport,
  ArbitrationCase,
  BaseRecord,
  AccessLogEntry,
  WitnessedLogHead,
  ProviderChannel,
];
