import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  atLeastConditions,
  changeVersioned,
  dateRangeConditions,
  Department,
  equalConditions,
  insertOrConflict,
  recordList,
  toParty,
} from '@labour/shared';
import type { CreateHardshipAidInput, HardshipAidFilter, UpdateHardshipAidInput } from './aid.input';
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
  return [
    ...anyOfConditions(filter, { kind: 'kind' }),
    ...dateRangeConditions(filter, ['grantedOn']),
    ...equalConditions(filter, { enterprise: 'enterpriseCreditCode' }),
    ...atLeastConditions(filter, { amountAtLeast: 'amount' }),
  ];
}

/**
 * The list of hardship aid, the latest grant first (same day: by aid number). Every filter runs in SQL; a
 * filter the caller may not run is refused before any statement.
 */
export const HARDSHIP_AID_LIST = recordList(HardshipAid, Department.UNION, {
  order: { date: 'grantedOn', key: 'aidNo' },
  filterFields: FILTERED_FIELDS,
  conditions: hardshipAidConditions,
});
