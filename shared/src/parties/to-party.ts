import { normaliseIdNumber, personRefOf } from '../ids';
import type { Party } from './party.type';

/** What a department stores for a party: its own copy of the person plus the cross-department link. */
export function toParty(input: { idNumber: string; name: string }, linkageKey: Buffer): Party {
  const idNumber = normaliseIdNumber(input.idNumber);
  return { personRef: personRefOf(idNumber, linkageKey), name: input.name.trim(), idNumber };
}

export function personRefsOf(parties: readonly Party[]): string[] {
  return [...new Set(parties.map((p) => p.personRef))];
}
