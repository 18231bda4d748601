import { createAccessLogResolver, createLogHeadResolver, Department } from '@labour/shared';

/** `hrBureauAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const HrBureauAccessLogResolver = createAccessLogResolver({ queryName: 'hrBureauAccessLog', department: Department.HR_BUREAU });

/**
 * The witnessed log (`hrBureauAccessLogChain`, `hrBureauWitnessedLogHeads`, `hrBureauWitnessLogHead`): this
 * department's chain for its auditors, and the heads of the other departments' logs it witnesses.
 */
export const HrBureauLogHeadResolver = createLogHeadResolver({ department: Department.HR_BUREAU });
