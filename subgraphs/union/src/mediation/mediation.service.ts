import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertTransition,
  BadUserInputError,
  insertOrConflict,
  mediationCaseList,
  mediationDueOn,
  personRefsOf,
  toParty,
  changeVersioned,
  type TransitionTable,
  assertNotBefore,
  Department,
} from '@labour/shared';
import { MediationCase, MediationOutcome, MediationStatus } from './mediation-case.entity';
import type {
  CloseMediationCaseInput,
  CreateMediationCaseInput,
  MediationCaseFilter,
  StartMediationInput,
  UpdateMediationCaseInput,
} from './mediation.input';

const { APPLIED, MEDIATING, CLOSED } = MediationStatus;
const { AGREED, FAILED, WITHDRAWN, LAPSED } = MediationOutcome;

/** Mediation: an application is taken up (or withdrawn before), and mediation ends by closing. */
const MEDIATION_TRANSITIONS: TransitionTable<MediationStatus> = {
  [APPLIED]: [MEDIATING, CLOSED],
  [MEDIATING]: [CLOSED],
  [CLOSED]: [],
};

/**
 * Outcomes each stage can close with. Nothing can be agreed or fail before mediation begins; an
 * application nobody took up within 15 days lapses, because the worker may then go to arbitration.
 */
const OUTCOMES_FROM: Record<MediationStatus, readonly MediationOutcome[]> = {
  [APPLIED]: [WITHDRAWN, LAPSED],
  [MEDIATING]: [AGREED, FAILED, WITHDRAWN, LAPSED],
  [CLOSED]: [],
};

export async function createMediationCase(em: EntityManager, input: CreateMediationCaseInput, linkageKey: Buffer): Promise<MediationCase> {
  const workers = input.workers.map((party) => toParty(party, linkageKey));
  const created = em.create(MediationCase, {
    caseNo: input.caseNo,
    disputeNo: input.disputeNo,
    workers,
    workerRefs: personRefsOf(workers),
    enterpriseCreditCode: input.enterpriseCreditCode,
    mediator: input.mediator.trim(),
    claims: input.claims,
    notes: input.notes ?? '',
    appliedOn: input.appliedOn,
    dueOn: mediationDueOn(input.appliedOn),
    status: APPLIED,
  });
  return insertOrConflict(em, created, 'A mediation case');
}

export function updateMediationCase(em: EntityManager, input: UpdateMediationCaseInput) {
  return changeVersioned(em, MediationCase, 'caseNo', input, (found) => {
    if (found.status === CLOSED) {
      throw new BadUserInputError({ field: 'caseNo', rule: `is CLOSED (${found.outcome}): a closed case cannot change` });
    }
    if (input.claims != null) found.claims = input.claims;
    if (input.notes != null) found.notes = input.notes;
    if (input.mediator != null) found.mediator = input.mediator.trim();
  });
}

/** 开始调解: an APPLIED case is taken up by its mediator. */
export function startMediation(em: EntityManager, input: StartMediationInput) {
  return changeVersioned(em, MediationCase, 'caseNo', input, (found) => {
    assertTransition(MEDIATION_TRANSITIONS, found.status, MEDIATING);
    assertNotBefore(input.on, found.appliedOn, 'on', 'the application date');
    found.status = MEDIATING;
  });
}

/** 结案: agreement, failure, withdrawal, or lapse of the 15-day period (then arbitration is open). */
export function closeMediationCase(em: EntityManager, input: CloseMediationCaseInput) {
  return changeVersioned(em, MediationCase, 'caseNo', input, (found) => {
    assertTransition(MEDIATION_TRANSITIONS, found.status, CLOSED);
    const allowed = OUTCOMES_FROM[found.status];
    if (!allowed.includes(input.outcome)) {
      throw new BadUserInputError({
        field: 'outcome',
        rule: `cannot be ${input.outcome} while the case is ${found.status} (allowed: ${allowed.join(', ')})`,
      });
    }
    assertNotBefore(input.on, found.appliedOn, 'on', 'the application date');
    if (input.outcome === LAPSED) assertNotBefore(input.on, found.dueOn, 'on', 'the end of the 15-day mediation period');
    if (input.outcome === AGREED && !input.agreement) {
      throw new BadUserInputError({ field: 'agreement', rule: 'is required when the outcome is AGREED' });
    }
    if (input.outcome !== AGREED && input.agreement) {
      throw new BadUserInputError({ field: 'agreement', rule: `must be empty when the outcome is ${input.outcome}` });
    }
    found.status = CLOSED;
    found.outcome = input.outcome;
    found.closedOn = input.on;
    found.agreement = input.agreement ?? null;
  });
}

/**
 * The list of mediation cases, newest application first (same day: by case number). Every filter runs in
 * SQL; a filter the caller may not run is refused before any statement.
 */
export const MEDIATION_CASE_LIST = mediationCaseList<MediationCase, MediationCaseFilter>(MediationCase, Department.UNION, CLOSED, {
  filterFields: { enterprise: 'enterpriseCreditCode' },
});
