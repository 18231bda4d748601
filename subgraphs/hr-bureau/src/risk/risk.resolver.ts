import { createRiskSignalResolver, Department } from '@labour/shared';
import { hrBureauRiskSignals } from './risk.service';

/** `hrBureauRiskSignals`: the labour bureau's early-warning signals for the joint meeting's agenda (shared factory). */
export const HrBureauRiskSignalResolver = createRiskSignalResolver({ queryName: 'hrBureauRiskSignals', department: Department.HR_BUREAU, compute: hrBureauRiskSignals });
