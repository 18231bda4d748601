import type { DisputeTimelineQuery } from '../graphql/generated/graphql';

/**
 * One dispute's stages across the departments (调裁审援: mediation, arbitration, lawsuit, legal aid…) as
 * one list in time order, each with what the timeline shows: who, which case, when it began and ended,
 * its status and its legal clock. Built from the dispute's lists as the gateway answers them.
 */
type StageKind = 'mediation' | 'peopleMediation' | 'consultation' | 'legalAid' | 'arbitration' | 'confirmation' | 'lawsuit' | 'enforcement';

export interface Stage {
  readonly kind: StageKind;
  readonly department: 'HR_BUREAU' | 'UNION' | 'COURT' | 'JUSTICE';
  readonly caseNo: string;
  /** Which list of the answer, and where in it: a field's gap is read from the error at this path. */
  readonly path: readonly [string, number];
  readonly startedOn: string;
  readonly endedOn: string | null;
  /** The status's enum type and value, for its label (`ArbitrationStatus`, `ACCEPTED`). */
  readonly status: { readonly type: string; readonly value: string };
  readonly outcome: { readonly type: string; readonly value: string } | null;
  /** The legal deadline of the current stage, while one runs. */
  readonly dueOn: string | null;
  readonly overdue: boolean;
  /** An arbitration award's last day to sue. */
  readonly suitDueOn: string | null;
  readonly parties: ReadonlyArray<{ readonly name: string }>;
  /** A shared amount: the claim, the sum to enforce. */
  readonly amount: { readonly field: string; readonly value: string | null } | null;
}

/** On the same day, the stage the law puts first comes first (mediation before arbitration before suit). */
const ORDER: Record<StageKind, number> = {
  mediation: 0,
  peopleMediation: 0,
  consultation: 1,
  legalAid: 2,
  arbitration: 3,
  confirmation: 4,
  lawsuit: 5,
  enforcement: 6,
};

type Dispute = DisputeTimelineQuery['dispute'];

/** Each list of the dispute, by the department that provides it: null when the department's part is missing. */
export const DISPUTE_LISTS = {
  mediationCases: 'UNION',
  legalConsultations: 'UNION',
  peopleMediationCases: 'JUSTICE',
  legalAidCases: 'JUSTICE',
  arbitrationCases: 'HR_BUREAU',
  judicialConfirmations: 'COURT',
  lawsuits: 'COURT',
  enforcementCases: 'COURT',
} as const;

export function stagesOf(dispute: Dispute): Stage[] {
  const stages: Stage[] = [];
  const open = <T>(list: readonly T[] | null | undefined) => list ?? [];
  open(dispute.mediationCases).forEach((c, i) =>
    stages.push({
      kind: 'mediation',
      department: 'UNION',
      caseNo: c.caseNo,
      path: ['mediationCases', i],
      startedOn: c.appliedOn,
      endedOn: c.closedOn ?? null,
      status: { type: 'MediationStatus', value: c.status },
      outcome: c.outcome ? { type: 'MediationOutcome', value: c.outcome } : null,
      dueOn: c.status === 'CLOSED' ? null : c.dueOn,
      overdue: c.overdue,
      suitDueOn: null,
      parties: c.workers,
      amount: null,
    }),
  );
  open(dispute.legalConsultations).forEach((c, i) =>
    stages.push({
      kind: 'consultation',
      department: 'UNION',
      caseNo: c.consultationNo,
      path: ['legalConsultations', i],
      startedOn: c.consultedOn,
      endedOn: c.consultedOn,
      status: { type: 'ConsultationChannel', value: c.channel },
      outcome: c.referredToLegalAid ? { type: 'consultation', value: 'referred' } : null,
      dueOn: null,
      overdue: false,
      suitDueOn: null,
      parties: c.worker ? [c.worker] : [],
      amount: null,
    }),
  );
  open(dispute.peopleMediationCases).forEach((c, i) =>
    stages.push({
      kind: 'peopleMediation',
      department: 'JUSTICE',
      caseNo: c.caseNo,
      path: ['peopleMediationCases', i],
      startedOn: c.appliedOn,
      endedOn: c.closedOn ?? null,
      status: { type: 'PeopleMediationStatus', value: c.status },
      outcome: c.outcome ? { type: 'PeopleMediationOutcome', value: c.outcome } : null,
      dueOn: c.status === 'CLOSED' ? null : c.dueOn,
      overdue: c.overdue,
      suitDueOn: null,
      parties: c.parties,
      amount: null,
    }),
  );
  open(dispute.legalAidCases).forEach((c, i) =>
    stages.push({
      kind: 'legalAid',
      department: 'JUSTICE',
      caseNo: c.caseNo,
      path: ['legalAidCases', i],
      startedOn: c.appliedOn,
      endedOn: c.grantedOn ?? null,
      status: { type: 'LegalAidStatus', value: c.status },
      outcome: c.eligibilityBasis ? { type: 'EligibilityBasis', value: c.eligibilityBasis } : null,
      dueOn: c.status === 'APPLIED' ? c.decisionDueOn : null,
      overdue: c.overdue,
      suitDueOn: null,
      parties: [c.applicant],
      amount: null,
    }),
  );
  open(dispute.arbitrationCases).forEach((c, i) =>
    stages.push({
      kind: 'arbitration',
      department: 'HR_BUREAU',
      caseNo: c.caseNo,
      path: ['arbitrationCases', i],
      startedOn: c.filedOn,
      endedOn: c.closedOn ?? null,
      status: { type: 'ArbitrationStatus', value: c.status },
      outcome: c.outcome ? { type: 'ArbitrationOutcome', value: c.outcome } : null,
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      suitDueOn: c.suitDueOn ?? null,
      parties: c.applicants,
      amount: { field: 'claimAmount', value: c.claimAmount ?? null },
    }),
  );
  open(dispute.judicialConfirmations).forEach((c, i) =>
    stages.push({
      kind: 'confirmation',
      department: 'COURT',
      caseNo: c.caseNo,
      path: ['judicialConfirmations', i],
      startedOn: c.appliedOn,
      endedOn: c.decidedOn ?? null,
      status: { type: 'ConfirmationStatus', value: c.status },
      outcome: null,
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      suitDueOn: null,
      parties: c.applicants,
      amount: null,
    }),
  );
  open(dispute.lawsuits).forEach((c, i) =>
    stages.push({
      kind: 'lawsuit',
      department: 'COURT',
      caseNo: c.caseNo,
      path: ['lawsuits', i],
      startedOn: c.filedOn,
      endedOn: c.judgmentOn ?? null,
      status: { type: 'LawsuitStage', value: c.stage },
      outcome: c.outcome ? { type: 'LawsuitOutcome', value: c.outcome } : null,
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      suitDueOn: null,
      parties: c.plaintiffs,
      amount: null,
    }),
  );
  open(dispute.enforcementCases).forEach((c, i) =>
    stages.push({
      kind: 'enforcement',
      department: 'COURT',
      caseNo: c.caseNo,
      path: ['enforcementCases', i],
      startedOn: c.filedOn,
      endedOn: c.closedOn ?? null,
      status: { type: 'EnforcementStatus', value: c.status },
      outcome: null,
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      suitDueOn: null,
      parties: [c.applicant],
      amount: { field: 'amount', value: c.amount ?? null },
    }),
  );
  return stages.sort((a, b) => a.startedOn.localeCompare(b.startedOn) || ORDER[a.kind] - ORDER[b.kind] || a.caseNo.localeCompare(b.caseNo));
}
