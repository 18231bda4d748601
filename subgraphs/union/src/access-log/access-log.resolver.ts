import { createAccessLogResolver, Department } from '@labour/shared';

/** `unionAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const UnionAccessLogResolver = createAccessLogResolver({ queryName: 'unionAccessLog', department: Department.UNION });
