import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  equalConditions,
  recordList,
  yesOrNoCondition,
  Department,
  addDays,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  insertOrConflict,
  LEGAL_PERIODS,
  toParty,
  type TransitionTable,
} from '@labour/shared';
import { EligibilityBasis, LegalAidCase, LegalAidStatus } from './legal-aid-case.entity';
import type {
  CreateLegalAidCaseInput,
  GrantLegalAidInput,
  LegalAidCaseFilter,
  LegalAidCaseVersionInput,
  UpdateLegalAidCaseInput,
} from './legal-aid.input';

const { APPLIED, GRANTED, REFUSED, CLOSED } = LegalAidStatus;

/** An application is granted or refused; a granted case is closed when the aided matter is over. */
const LEGAL_AID_TRANSITIONS: TransitionTable<LegalAidStatus> = {
  [APPLIED]: [GRANTED, REFUSED],
  [GRANTED]: [CLOSED],
  [REFUSED]: [],
  [CLOSED]: [],
};

/**
 * 经济困难证明: required for every basis but a migrant worker's wage claim, which the law aids without an
 * economic-hardship check (法律援助法第42条); for that basis none is collected, as it is restricted data.
 */
function assertHardshipEvidence(basis: EligibilityBasis, evidence: string | null | undefined): void {
  if (basis === EligibilityBasis.MIGRANT_WAGE_CLAIM) {
    if (evidence != null) {
      throw new BadUserInputError({
        field: 'hardshipEvidence',
        rule: "must be left out when eligibilityBasis is MIGRANT_WAGE_CLAIM: a migrant worker's wage claim gets legal aid without an economic-hardship check",
      });
    }
  } else if (!evidence) {
    throw new BadUserInputError({
      field: 'hardshipEvidence',
      rule: `is required when eligibilityBasis is ${basis}: only MIGRANT_WAGE_CLAIM is exempt from the economic-hardship check`,
    });
  }
}

export async function createLegalAidCase(em: EntityManager, input: CreateLegalAidCaseInput, linkageKey: Buffer): Promise<LegalAidCase> {
  assertHardshipEvidence(input.eligibilityBasis, input.hardshipEvidence);
  const applicant = toParty(input.applicant, linkageKey);
  const created = em.create(LegalAidCase, {
    caseNo: input.caseNo,
    disputeNo: input.disputeNo,
    applicant,
    applicantRef: applicant.personRef,
    enterpriseCreditCode: input.enterpriseCreditCode,
    eligibilityBasis: input.eligibilityBasis,
    appliedOn: input.appliedOn,
    hardshipEvidence: input.hardshipEvidence ?? null,
    status: APPLIED,
  });
  return insertOrConflict(em, created, 'A legal-aid case');
}

export function updateLegalAidCase(em: EntityManager, input: UpdateLegalAidCaseInput) {
  return changeVersioned(em, LegalAidCase, 'caseNo', input, (found) => {
    const decisionInputs = input.eligibilityBasis != null || input.hardshipEvidence != null;
    if (decisionInputs && found.status !== APPLIED) {
      throw new BadUserInputError({
        field: input.eligibilityBasis != null ? 'eligibilityBasis' : 'hardshipEvidence',
        rule: `cannot change once the case is ${found.status}: the decision was made on it`,
      });
    }
    if (input.lawyer != null && found.status !== APPLIED && found.status !== GRANTED) {
      throw new BadUserInputError({ field: 'lawyer', rule: `cannot change once the case is ${found.status}` });
    }
    const basis = input.eligibilityBasis ?? found.eligibilityBasis;
    // No hardship check for a migrant wage claim, so evidence collected under another basis is not kept.
    const evidence = input.hardshipEvidence ?? (basis === EligibilityBasis.MIGRANT_WAGE_CLAIM ? null : found.hardshipEvidence);
    assertHardshipEvidence(basis, evidence);
    found.eligibilityBasis = basis;
    found.hardshipEvidence = evidence;
    if (input.lawyer != null) found.lawyer = input.lawyer.trim();
  });
}

/** 准予援助: needs the lawyer who takes the case, named now or earlier. */
export function grantLegalAid(em: EntityManager, input: GrantLegalAidInput) {
  return changeVersioned(em, LegalAidCase, 'caseNo', input, (found) => {
    assertTransition(LEGAL_AID_TRANSITIONS, found.status, GRANTED);
    assertNotBefore(input.on, found.appliedOn, 'on', 'the application date');
    const lawyer = input.lawyer?.trim() || found.lawyer;
    if (!lawyer)
      throw new BadUserInputError({ field: 'lawyer', rule: 'is required to grant legal aid: name the assigned lawyer (承办律师)' });
    found.status = GRANTED;
    found.grantedOn = input.on;
    found.lawyer = lawyer;
  });
}

export function refuseLegalAid(em: EntityManager, input: LegalAidCaseVersionInput) {
  return changeVersioned(em, LegalAidCase, 'caseNo', input, (found) => {
    assertTransition(LEGAL_AID_TRANSITIONS, found.status, REFUSED);
    found.status = REFUSED;
    // No lawyer takes a refused case; one named in advance is released.
    found.lawyer = null;
  });
}

export function closeLegalAidCase(em: EntityManager, input: LegalAidCaseVersionInput) {
  return changeVersioned(em, LegalAidCase, 'caseNo', input, (found) => {
    assertTransition(LEGAL_AID_TRANSITIONS, found.status, CLOSED);
    found.status = CLOSED;
  });
}

/**
 * The SQL conditions of a list filter, one for each filter set (listPage ANDs them). `overdue` is the `overdue` field's rule in SQL:
 * still APPLIED and decisionDueOn (appliedOn + 7 days) before `today`, i.e. applied before `today` − 7 days.
 */
function legalAidCondition(filter: LegalAidCaseFilter, today: string): Array<FilterQuery<LegalAidCase>> {
  const lateIfAppliedBefore = addDays(today, -LEGAL_PERIODS.legalAidDecision);
  return [
    ...anyOfConditions(filter, { status: 'status', eligibilityBasis: 'eligibilityBasis', disputeNos: 'disputeNo' }),
    ...dateRangeConditions(filter, ['appliedOn', 'grantedOn']),
    ...yesOrNoCondition(
      filter.overdue,
      { status: APPLIED, appliedOn: { $lt: lateIfAppliedBefore } },
      { $or: [{ status: { $ne: APPLIED } }, { appliedOn: { $gte: lateIfAppliedBefore } }] },
    ),
    ...equalConditions(filter, { enterprise: 'enterpriseCreditCode' }),
  ];
}

/** The list of the legal-aid cases the filter matches, newest application first (same-day cases by number). */
export const LEGAL_AID_CASE_LIST = recordList(LegalAidCase, Department.JUSTICE, {
  order: { date: 'appliedOn', key: 'caseNo' },
  /** The field of LegalAidCase each filter tests: a caller who sets the filter learns that field of every case. */
  filterFields: {
    status: 'status',
    appliedOn: 'appliedOn',
    grantedOn: 'grantedOn',
    overdue: 'decisionDueOn',
    enterprise: 'enterprise',
    eligibilityBasis: 'eligibilityBasis',
    disputeNos: 'disputeNo',
  },
  conditions: legalAidCondition,
});
