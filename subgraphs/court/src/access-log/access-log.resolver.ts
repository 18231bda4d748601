import { createAccessLogResolver, Department } from '@labour/shared';

/** `courtAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const CourtAccessLogResolver = createAccessLogResolver({ queryName: 'courtAccessLog', department: Department.COURT });
