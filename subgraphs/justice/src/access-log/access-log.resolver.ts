import { createAccessLogResolver, createLogHeadResolver, Department } from '@labour/shared';

/** `justiceAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const JusticeAccessLogResolver = createAccessLogResolver({ queryName: 'justiceAccessLog', department: Department.JUSTICE });

/**
 * The witnessed log (`justiceAccessLogChain`, `justiceWitnessedLogHeads`, `justiceWitnessLogHead`): this
 * department's chain for its auditors, and the heads of the other departments' logs it witnesses.
 */
export const JusticeLogHeadResolver = createLogHeadResolver({ department: Department.JUSTICE });
