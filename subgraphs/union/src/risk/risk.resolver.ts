import { createRiskSignalResolver, Department } from '@labour/shared';
import { unionRiskSignals } from './risk.service';

/** `unionRiskSignals`: the union's early-warning signals for the joint meeting's agenda (shared factory). */
export const UnionRiskSignalResolver = createRiskSignalResolver({ queryName: 'unionRiskSignals', department: Department.UNION, compute: unionRiskSignals });
