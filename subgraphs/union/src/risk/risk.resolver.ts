import { createRiskSignalResolver, Department } from '@labour/shared';
import { unionRiskSignals } from './risk.service';

/** `unionRiskSignals`: the union's early-warning signals for the joint meeting's agenda, as objects and as columns (`unionRiskSignalColumns`, shared factory). */
export const UnionRiskSignalResolver = createRiskSignalResolver({
  queryName: 'unionRiskSignals',
  columnsQueryName: 'unionRiskSignalColumns',
  department: Department.UNION,
  compute: unionRiskSignals,
});
