import { createRiskSignalResolver, Department } from '@labour/shared';
import { hrBureauRiskSignals } from './risk.service';

/** `hrBureauRiskSignals`: the labour bureau's early-warning signals for the joint meeting's agenda, as objects and as columns (`hrBureauRiskSignalColumns`, shared factory). */
export const HrBureauRiskSignalResolver = createRiskSignalResolver({
  queryName: 'hrBureauRiskSignals',
  columnsQueryName: 'hrBureauRiskSignalColumns',
  department: Department.HR_BUREAU,
  compute: hrBureauRiskSignals,
});
