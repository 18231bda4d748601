import { createAccessLogResolver, createLogHeadResolver, Department } from '@labour/shared';

/** `courtAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const CourtAccessLogResolver = createAccessLogResolver({ queryName: 'courtAccessLog', department: Department.COURT });

/**
 * The witnessed log (`courtAccessLogChain`, `courtWitnessedLogHeads`, `courtWitnessLogHead`): this
 * department's chain for its auditors, and the heads of the other departments' logs it witnesses.
 */
export const CourtLogHeadResolver = createLogHeadResolver({ department: Department.COURT });
