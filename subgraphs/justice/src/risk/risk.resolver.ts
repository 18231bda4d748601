import { createRiskSignalResolver, Department } from '@labour/shared';
import { justiceRiskSignals } from './risk.service';

/** `justiceRiskSignals`: the justice bureau's early-warning signals for the joint meeting's agenda, as objects and as columns (`justiceRiskSignalColumns`, shared factory). */
export const JusticeRiskSignalResolver = createRiskSignalResolver({
  queryName: 'justiceRiskSignals',
  columnsQueryName: 'justiceRiskSignalColumns',
  department: Department.JUSTICE,
  compute: justiceRiskSignals,
});
