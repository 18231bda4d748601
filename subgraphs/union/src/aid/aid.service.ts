import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import {
  changeVersioned,
  dateRangeCondition,
  insertOrConflict,
  newestFirstPage,
  PAGE_BOUND,
  sizeWithin,
  toParty,
  type Connection,
  type Principal,
  refuseUnreadableFilters,
  filterUses,
  Department,
} from '@labour/shared';
import type { CreateHardshipAidInput, HardshipAidFilter, HardshipAidsArgs, UpdateHardshipAidInput } from './aid.input';
import { HardshipAid } from './hardship-aid.entity';

export async function createHardshipAid(em: EntityManager, input: CreateHardshipAidInput, linkageKey: Buffer): Promise<HardshipAid> {
  const recipient = toParty(input.recipient, linkageKey);
  const created = em.create(HardshipAid, {
    aidNo: input.aidNo,
    recipient,
    recipientRef: recipient.personRef,
    enterpriseCreditCode: input.enterpriseCreditCode ?? null,
    kind: input.kind,
    amount: input.amount,
    grantedOn: input.grantedOn,
    reason: input.reason,
  });
  return insertOrConflict(em, created, 'A hardship aid');
}

export async function updateHardshipAid(em: EntityManager, input: UpdateHardshipAidInput): Promise<HardshipAid> {
  return changeVersioned(em, HardshipAid, 'aidNo', input, (aid) => {
    if (input.kind != null) aid.kind = input.kind;
    if (input.amount != null) aid.amount = input.amount;
    if (input.reason != null) aid.reason = input.reason;
  });
}

/** The field of HardshipAid whose value each filter tests: what a caller learns of every record by filtering. */
const FILTERED_FIELDS: Record<keyof HardshipAidFilter, keyof HardshipAid & string> = {
  kind: 'kind',
  grantedOn: 'grantedOn',
  enterprise: 'enterpriseCreditCode',
  amountAtLeast: 'amount',
};

function hardshipAidConditions(filter: HardshipAidFilter): Array<FilterQuery<HardshipAid>> {
  const conditions: Array<FilterQuery<HardshipAid>> = [];
  if (filter.kind) conditions.push({ kind: { $in: filter.kind } });
  const grantedOn = dateRangeCondition(filter.grantedOn, 'filter.grantedOn');
  if (grantedOn) conditions.push({ grantedOn });
  if (filter.enterprise) conditions.push({ enterpriseCreditCode: filter.enterprise });
  if (filter.amountAtLeast != null) conditions.push({ amount: { $gte: filter.amountAtLeast } });
  return conditions;
}

/**
 * A page of hardship aid, the latest grant first (same day: by aid number). Every filter runs in SQL; a
 * filter the caller may not run is refused before any statement. Two statements: the page and its count.
 */
export function listHardshipAids(
  em: EntityManager,
  args: HardshipAidsArgs,
  request: { schema: GraphQLSchema; principal: Principal },
): Promise<Connection<HardshipAid>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  refuseUnreadableFilters(request.schema, 'HardshipAid', Department.UNION, request.principal, filterUses(args.filter, FILTERED_FIELDS));
  const conditions = args.filter ? hardshipAidConditions(args.filter) : [];
  const where: FilterQuery<HardshipAid> = conditions.length ? { $and: conditions } : {};
  return newestFirstPage(em, HardshipAid, where, { date: 'grantedOn', key: 'aidNo' }, first, args.after);
}
