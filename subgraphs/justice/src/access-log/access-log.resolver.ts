import { createAccessLogResolver, Department } from '@labour/shared';

/** `justiceAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const JusticeAccessLogResolver = createAccessLogResolver({ queryName: 'justiceAccessLog', department: Department.JUSTICE });
