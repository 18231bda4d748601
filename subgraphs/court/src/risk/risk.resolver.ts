import { createRiskSignalResolver, Department } from '@labour/shared';
import { courtRiskSignals } from './risk.service';

/** `courtRiskSignals`: the court's early-warning signals for the joint meeting's agenda (shared factory). */
export const CourtRiskSignalResolver = createRiskSignalResolver({ queryName: 'courtRiskSignals', department: Department.COURT, compute: courtRiskSignals });
