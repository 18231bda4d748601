import { createAccessLogResolver, createLogHeadResolver, Department } from '@labour/shared';

/** `unionAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const UnionAccessLogResolver = createAccessLogResolver({ queryName: 'unionAccessLog', department: Department.UNION });

/**
 * The witnessed log (`unionAccessLogChain`, `unionWitnessedLogHeads`, `unionWitnessLogHead`): this
 * department's chain for its auditors, and the heads of the other departments' logs it witnesses.
 */
export const UnionLogHeadResolver = createLogHeadResolver({ department: Department.UNION });
