import { createAccessLogResolver, Department } from '@labour/shared';

/** `hrBureauAccessLog`: this department's access log, for its ADMIN (the query comes from the shared factory). */
export const HrBureauAccessLogResolver = createAccessLogResolver({ queryName: 'hrBureauAccessLog', department: Department.HR_BUREAU });
