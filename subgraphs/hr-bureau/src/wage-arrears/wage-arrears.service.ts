import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  assertNotBefore,
  atLeastConditions,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  insertOrConflict,
  sameNamedFields,
  yesOrNoCondition,
} from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseRecordList } from '../lists/list-filters';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import type { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput, WageArrearsAlertFilter } from './wage-arrears.input';

export async function createAlert(em: EntityManager, input: CreateWageArrearsAlertInput): Promise<WageArrearsAlert> {
  const enterprise = await requireEnterprise(em, input.enterpriseCreditCode, 'enterpriseCreditCode');
  const { enterpriseCreditCode: _code, ...fields } = input;
  const created = em.create(WageArrearsAlert, { ...fields, enterprise });
  return insertOrConflict(em, created, 'A wage-arrears warning');
}

export async function updateAlert(em: EntityManager, input: UpdateWageArrearsAlertInput): Promise<WageArrearsAlert> {
  return changeVersioned(em, WageArrearsAlert, 'alertNo', input, (alert) => {
    if (alert.resolvedOn)
      throw new BadUserInputError({ field: 'alertNo', rule: `was resolved on ${alert.resolvedOn}: a resolved warning cannot change` });
    if (input.resolvedOn != null) assertNotBefore(input.resolvedOn, alert.raisedOn, 'resolvedOn', 'raisedOn');
    if (input.level != null) alert.level = input.level;
    if (input.amountOwed != null) alert.amountOwed = input.amountOwed;
    if (input.workersAffected != null) alert.workersAffected = input.workersAffected;
    if (input.resolvedOn != null) alert.resolvedOn = input.resolvedOn;
  });
}

/**
 * The list of wage-arrears warnings, newest raised first (same-day ones by number), that the filter
 * matches; every condition in SQL.
 */
export const WAGE_ARREARS_ALERT_LIST = enterpriseRecordList(WageArrearsAlert, 'enterprise', {
  order: { date: 'raisedOn', key: 'alertNo' },
  // The field of WageArrearsAlert whose value each filter tests: what a caller learns of every warning by using it.
  filterFields: {
    ...sameNamedFields('level', 'open', 'raisedOn', 'resolvedOn'),
    workersAffectedAtLeast: 'workersAffected',
    amountOwedAtLeast: 'amountOwed',
  },
  conditions: (filter: WageArrearsAlertFilter) => [
    ...dateRangeConditions(filter, ['raisedOn', 'resolvedOn']),
    ...anyOfConditions(filter, { level: 'level' }),
    // As `WageArrearsAlert.open`: a warning is open until the arrears are settled.
    ...yesOrNoCondition(filter.open, { resolvedOn: null }, { resolvedOn: { $ne: null } }),
    ...atLeastConditions(filter, { workersAffectedAtLeast: 'workersAffected', amountOwedAtLeast: 'amountOwed' }),
  ],
});
