import { Department } from '@labour/shared';

/**
 * What the registry tests propose most: the labour bureau's open wage-arrears warnings to the union, the amount
 * owed and the project, under the labour-security inspection rules. Without the code and the provider, which
 * each test names; the registry records exactly this content with the provider's decision.
 */
export const ARREARS_TO_UNION = {
  consumers: [Department.UNION],
  grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }],
  scope: 'HR_OPEN_WAGE_ARREARS',
  purpose: '欠薪预警信息推送工会',
  legalBasis: '《劳动保障监察条例》第七条',
  validFrom: '2026-01-01',
  validUntil: null as string | null,
};
