import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, BadUserInputError, insertOrConflict, LEGAL_PERIODS, changeVersioned, assertNotBefore } from '@labour/shared';
import { CollectiveContract } from './collective-contract.entity';
import type { CreateCollectiveContractInput, UpdateCollectiveContractInput } from './contract.input';

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
