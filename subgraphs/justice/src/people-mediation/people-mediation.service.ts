import type { EntityManager } from '@mikro-orm/postgresql';
import {
  relationConditions,
  Department,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  changeVersioned,
  insertOrConflict,
  mediationCaseList,
  mediationDueOn,
  personRefsOf,
  toParty,
  type TransitionTable,
} from '@labour/shared';
import { requireCommittee } from '../committee/committee.service';
import { CommitteeLevel } from '../committee/people-mediation-committee.entity';
import { PeopleMediationCase, PeopleMediationStatus } from './people-mediation-case.entity';
import type {
  ClosePeopleMediationCaseInput,
  CreatePeopleMediationCaseInput,
  PeopleMediationCaseFilter,
  PeopleMediationCaseVersionInput,
  UpdatePeopleMediationCaseInput,
} from './people-mediation.input';

const { APPLIED, MEDIATING, CLOSED } = PeopleMediationStatus;

/** Mediation starts or the application ends at once (withdrawn, or refused by a party); mediation ends in a close. */
const PEOPLE_MEDIATION_TRANSITIONS: TransitionTable<PeopleMediationStatus> = {
  [APPLIED]: [MEDIATING, CLOSED],
  [MEDIATING]: [CLOSED],
  [CLOSED]: [],
};

export async function createPeopleMediationCase(
  em: EntityManager,
  input: CreatePeopleMediationCaseInput,
  linkageKey: Buffer,
): Promise<PeopleMediationCase> {
  const committee = await requireCommittee(em, input.committeeCode, 'committeeCode');
  if (committee.level === CommitteeLevel.ENTERPRISE && committee.enterpriseCreditCode !== input.enterpriseCreditCode) {
    throw new BadUserInputError({
      field: 'committeeCode',
      rule: `is the enterprise committee of ${committee.enterpriseCreditCode}, which mediates only that enterprise's disputes`,
    });
  }
  const parties = input.parties.map((party) => toParty(party, linkageKey));
  const created = em.create(PeopleMediationCase, {
    caseNo: input.caseNo,
    disputeNo: input.disputeNo,
    committee,
    parties,
    partyRefs: personRefsOf(parties),
    enterpriseCreditCode: input.enterpriseCreditCode,
    summary: input.summary,
    appliedOn: input.appliedOn,
    // Labour Dispute Mediation and Arbitration Law art. 14: 15 days, then the parties may go to arbitration.
    dueOn: mediationDueOn(input.appliedOn),
    status: APPLIED,
  });
  return insertOrConflict(em, created, "A people's mediation case");
}

export function updatePeopleMediationCase(em: EntityManager, input: UpdatePeopleMediationCaseInput, linkageKey: Buffer) {
  return changeVersioned(em, PeopleMediationCase, 'caseNo', input, (found) => {
    if (found.status === CLOSED) throw new BadUserInputError({ field: 'caseNo', rule: 'is CLOSED: a closed case cannot change' });
    if (input.summary != null) found.summary = input.summary;
    if (input.parties != null) {
      found.parties = input.parties.map((party) => toParty(party, linkageKey));
      found.partyRefs = personRefsOf(found.parties);
    }
  });
}

/** 开始调解: the committee takes the case up. */
export function startPeopleMediation(em: EntityManager, input: PeopleMediationCaseVersionInput) {
  return changeVersioned(em, PeopleMediationCase, 'caseNo', input, (found) => {
    assertTransition(PEOPLE_MEDIATION_TRANSITIONS, found.status, MEDIATING);
    found.status = MEDIATING;
  });
}

export function closePeopleMediationCase(em: EntityManager, input: ClosePeopleMediationCaseInput) {
  return changeVersioned(em, PeopleMediationCase, 'caseNo', input, (found) => {
    assertTransition(PEOPLE_MEDIATION_TRANSITIONS, found.status, CLOSED);
    assertNotBefore(input.on, found.appliedOn, 'on', 'the application date');
    found.status = CLOSED;
    found.closedOn = input.on;
    found.outcome = input.outcome;
  });
}

/**
 * The list of the people's mediation cases the filter matches. A district is the committee's (a join on its own
 * table), so the district and committee filters tell of the case's `committee`.
 */
export const PEOPLE_MEDIATION_CASE_LIST = mediationCaseList<PeopleMediationCase, PeopleMediationCaseFilter>(
  PeopleMediationCase,
  Department.JUSTICE,
  CLOSED,
  {
    filterFields: { district: 'committee', committee: 'committee', enterprise: 'enterprise' },
    conditions: (filter) => relationConditions('committee', filter, { district: 'district', committee: 'code' }),
  },
);
