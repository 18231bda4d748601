import type { EntityManager } from '@mikro-orm/postgresql';
import { insertOrConflict, toParty, changeVersioned } from '@labour/shared';
import type { CreateHardshipAidInput, UpdateHardshipAidInput } from './aid.input';
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
