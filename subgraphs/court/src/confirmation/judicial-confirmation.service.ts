import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertTransition,
  BadUserInputError,
  insertOrConflict,
  personRefsOf,
  toParty,
  changeVersioned,
  type TransitionTable,
} from '@labour/shared';
import { confirmationDueOn } from '../legal-clock/court-deadlines';
import { ConfirmationStatus, JudicialConfirmation } from './judicial-confirmation.entity';
import type {
  CreateJudicialConfirmationInput,
  DecideJudicialConfirmationInput,
  UpdateJudicialConfirmationInput,
} from './judicial-confirmation.input';

const { APPLIED, CONFIRMED, REFUSED } = ConfirmationStatus;
const CONFIRMATION_TRANSITIONS: TransitionTable<ConfirmationStatus> = {
  [APPLIED]: [CONFIRMED, REFUSED],
  [CONFIRMED]: [],
  [REFUSED]: [],
};

export async function createJudicialConfirmation(
  em: EntityManager,
  input: CreateJudicialConfirmationInput,
  linkageKey: Buffer,
): Promise<JudicialConfirmation> {
  const applicants = input.applicants.map((party) => toParty(party, linkageKey));
  const created = em.create(JudicialConfirmation, {
    ...input,
    applicants,
    applicantRefs: personRefsOf(applicants),
    status: APPLIED,
    dueOn: confirmationDueOn(input.appliedOn),
  });
  return insertOrConflict(em, created, 'A judicial confirmation');
}

export function updateJudicialConfirmation(em: EntityManager, input: UpdateJudicialConfirmationInput, linkageKey: Buffer) {
  return changeVersioned(em, JudicialConfirmation, 'caseNo', input, (found) => {
    if (found.status !== APPLIED) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is ${found.status}: a decided application cannot change` });
    }
    if (input.applicants != null) {
      found.applicants = input.applicants.map((party) => toParty(party, linkageKey));
      found.applicantRefs = personRefsOf(found.applicants);
    }
    if (input.enterpriseCreditCode != null) found.enterpriseCreditCode = input.enterpriseCreditCode;
  });
}

export function decideJudicialConfirmation(em: EntityManager, input: DecideJudicialConfirmationInput) {
  return changeVersioned(em, JudicialConfirmation, 'caseNo', input, (found) => {
    assertTransition(CONFIRMATION_TRANSITIONS, found.status, input.status);
    if (input.decidedOn < found.appliedOn) {
      throw new BadUserInputError({ field: 'decidedOn', rule: `must not be earlier than the application date (${found.appliedOn})` });
    }
    found.status = input.status;
    found.decidedOn = input.decidedOn;
    found.dueOn = null;
  });
}
