import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  equalConditions,
  recordList,
  yesOrNoCondition,
  addDays,
  assertNotBefore,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  insertOrConflict,
  LEGAL_PERIODS,
  Department,
} from '@labour/shared';
import { CollectiveContract } from './collective-contract.entity';
import type { CollectiveContractFilter, CreateCollectiveContractInput, UpdateCollectiveContractInput } from './contract.input';

/** A filed contract takes effect when the labour bureau has not objected within its review period. */
const earliestEffectiveOn = (filedOn: string) => addDays(filedOn, LEGAL_PERIODS.collectiveContractReview);

function assertExpiresAfter(expiresOn: string, effectiveOn: string): void {
  if (expiresOn <= effectiveOn) {
    throw new BadUserInputError({ field: 'expiresOn', rule: `must be later than effectiveOn (${effectiveOn})` });
  }
}

export async function createCollectiveContract(em: EntityManager, input: CreateCollectiveContractInput): Promise<CollectiveContract> {
  const earliest = earliestEffectiveOn(input.filedOn);
  const effectiveOn = input.effectiveOn ?? earliest;
  assertNotBefore(effectiveOn, earliest, 'effectiveOn', `15 days after filing, the labour bureau's review period`);
  assertExpiresAfter(input.expiresOn, effectiveOn);
  const created = em.create(CollectiveContract, { ...input, effectiveOn });
  return insertOrConflict(em, created, 'A collective contract');
}

export async function updateCollectiveContract(em: EntityManager, input: UpdateCollectiveContractInput): Promise<CollectiveContract> {
  return changeVersioned(em, CollectiveContract, 'contractNo', input, (contract) => {
    if (input.expiresOn != null) {
      assertExpiresAfter(input.expiresOn, contract.effectiveOn);
      contract.expiresOn = input.expiresOn;
    }
    if (input.wageIncreasePct != null) contract.wageIncreasePct = input.wageIncreasePct;
    if (input.coveredWorkers != null) contract.coveredWorkers = input.coveredWorkers;
  });
}

/** The field of CollectiveContract whose value each filter tests: what a caller learns of every contract by filtering. */
const FILTERED_FIELDS: Record<keyof CollectiveContractFilter, string> = {
  kind: 'kind',
  filedOn: 'filedOn',
  effectiveOn: 'effectiveOn',
  expiresOn: 'expiresOn',
  inForce: 'inForce',
  enterprise: 'enterpriseCreditCode',
};

function collectiveContractConditions(filter: CollectiveContractFilter, today: string): Array<FilterQuery<CollectiveContract>> {
  return [
    ...anyOfConditions(filter, { kind: 'kind' }),
    ...dateRangeConditions(filter, ['filedOn', 'effectiveOn', 'expiresOn']),
    // The same rule as the `inForce` field.
    ...yesOrNoCondition(
      filter.inForce,
      { effectiveOn: { $lte: today }, expiresOn: { $gte: today } },
      { $or: [{ effectiveOn: { $gt: today } }, { expiresOn: { $lt: today } }] },
    ),
    ...equalConditions(filter, { enterprise: 'enterpriseCreditCode' }),
  ];
}

/**
 * The list of collective contracts, the latest filed first (same day: by contract number). Every filter runs
 * in SQL; a filter the caller may not run is refused before any statement.
 */
export const COLLECTIVE_CONTRACT_LIST = recordList(CollectiveContract, Department.UNION, {
  order: { date: 'filedOn', key: 'contractNo' },
  filterFields: FILTERED_FIELDS,
  conditions: collectiveContractConditions,
});
