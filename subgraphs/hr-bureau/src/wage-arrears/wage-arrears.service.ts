import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  dateRangeConditions,
  filterUses,
  BadUserInputError,
  changeVersioned,
  Department,
  insertOrConflict,
  newestFirstPage,
  PAGE_BOUND,
  refuseUnreadableFilters,
  sizeWithin,
  type Connection,
  type Principal,
} from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseConditions } from '../lists/list-filters';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import type { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput, WageArrearsAlertsArgs } from './wage-arrears.input';

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
    if (input.resolvedOn != null && input.resolvedOn < alert.raisedOn) {
      throw new BadUserInputError({ field: 'resolvedOn', rule: `must not be earlier than raisedOn (${alert.raisedOn})` });
    }
    if (input.level != null) alert.level = input.level;
    if (input.amountOwed != null) alert.amountOwed = input.amountOwed;
    if (input.workersAffected != null) alert.workersAffected = input.workersAffected;
    if (input.resolvedOn != null) alert.resolvedOn = input.resolvedOn;
  });
}

/** The field of WageArrearsAlert whose value each filter tests: what a caller learns of every warning by using it. */
const FILTERED_FIELD: Record<keyof NonNullable<WageArrearsAlertsArgs['filter']>, string> = {
  level: 'level',
  open: 'open',
  raisedOn: 'raisedOn',
  resolvedOn: 'resolvedOn',
  workersAffectedAtLeast: 'workersAffected',
  amountOwedAtLeast: 'amountOwed',
  district: 'enterprise',
  enterprise: 'enterprise',
};

/**
 * A page of wage-arrears warnings, newest raised first (same-day ones by number), that the filter
 * matches; every condition in SQL. Two statements: the page and the count.
 */
export async function listAlerts(
  em: EntityManager,
  args: WageArrearsAlertsArgs,
  caller: { schema: GraphQLSchema; principal: Principal | null },
): Promise<Connection<WageArrearsAlert>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  const filter = args.filter ?? {};
  refuseUnreadableFilters(caller.schema, 'WageArrearsAlert', Department.HR_BUREAU, caller.principal, filterUses(filter, FILTERED_FIELD));

  const conditions: Array<FilterQuery<WageArrearsAlert>> = [
    ...dateRangeConditions(filter, ['raisedOn', 'resolvedOn']),
    ...enterpriseConditions('enterprise', filter),
  ];
  if (filter.level?.length) conditions.push({ level: { $in: filter.level } });
  // As `WageArrearsAlert.open`: a warning is open until the arrears are settled.
  if (typeof filter.open === 'boolean') conditions.push({ resolvedOn: filter.open ? null : { $ne: null } });
  if (filter.workersAffectedAtLeast != null) conditions.push({ workersAffected: { $gte: filter.workersAffectedAtLeast } });
  if (filter.amountOwedAtLeast) conditions.push({ amountOwed: { $gte: filter.amountOwedAtLeast } });

  const where: FilterQuery<WageArrearsAlert> = conditions.length ? { $and: conditions } : {};
  return newestFirstPage(em, WageArrearsAlert, where, { date: 'raisedOn', key: 'alertNo' }, first, args.after);
}
