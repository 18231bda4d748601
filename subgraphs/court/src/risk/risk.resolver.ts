import { createRiskSignalResolver, Department } from '@labour/shared';
import { courtRiskSignals } from './risk.service';

/** `courtRiskSignals`: the court's early-warning signals for the joint meeting's agenda, as objects and as columns (`courtRiskSignalColumns`, shared factory). */
export const CourtRiskSignalResolver = createRiskSignalResolver({
  queryName: 'courtRiskSignals',
  columnsQueryName: 'courtRiskSignalColumns',
  department: Department.COURT,
  compute: courtRiskSignals,
});
