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

type ListName = keyof typeof DISPUTE_LISTS;
type CaseOf<L extends ListName> = NonNullable<Dispute[L]>[number];
type Label = { readonly type: string; readonly value: string };

/** A label of an enum value, or null without one (`ArbitrationOutcome`, `GRANTED`). */
const labelled = (type: string, value: string | null | undefined): Label | null => (value ? { type, value } : null);

/** What a case tells of its stage; its kind, its department and its path come from its list. */
interface Reading {
  readonly caseNo: string;
  readonly startedOn: string;
  readonly endedOn?: string | null;
  readonly status: Label;
  readonly outcome?: Label | null;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly suitDueOn?: string | null;
  readonly parties: Stage['parties'];
  readonly amount?: Stage['amount'];
}

/** Each list of the dispute, in the order the stages are listed on one day: its kind of stage and how a case reads. */
const READINGS: { readonly [L in ListName]: { readonly kind: StageKind; readonly read: (c: CaseOf<L>) => Reading } } = {
  mediationCases: {
    kind: 'mediation',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.appliedOn,
      endedOn: c.closedOn,
      status: { type: 'MediationStatus', value: c.status },
      outcome: labelled('MediationOutcome', c.outcome),
      dueOn: c.status === 'CLOSED' ? null : c.dueOn,
      overdue: c.overdue,
      parties: c.workers,
    }),
  },
  legalConsultations: {
    kind: 'consultation',
    read: (c) => ({
      caseNo: c.consultationNo,
      startedOn: c.consultedOn,
      endedOn: c.consultedOn,
      status: { type: 'ConsultationChannel', value: c.channel },
      outcome: c.referredToLegalAid ? { type: 'consultation', value: 'referred' } : null,
      dueOn: null,
      overdue: false,
      parties: c.worker ? [c.worker] : [],
    }),
  },
  peopleMediationCases: {
    kind: 'peopleMediation',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.appliedOn,
      endedOn: c.closedOn,
      status: { type: 'PeopleMediationStatus', value: c.status },
      outcome: labelled('PeopleMediationOutcome', c.outcome),
      dueOn: c.status === 'CLOSED' ? null : c.dueOn,
      overdue: c.overdue,
      parties: c.parties,
    }),
  },
  legalAidCases: {
    kind: 'legalAid',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.appliedOn,
      endedOn: c.grantedOn,
      status: { type: 'LegalAidStatus', value: c.status },
      outcome: labelled('EligibilityBasis', c.eligibilityBasis),
      dueOn: c.status === 'APPLIED' ? c.decisionDueOn : null,
      overdue: c.overdue,
      parties: [c.applicant],
    }),
  },
  arbitrationCases: {
    kind: 'arbitration',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.filedOn,
      endedOn: c.closedOn,
      status: { type: 'ArbitrationStatus', value: c.status },
      outcome: labelled('ArbitrationOutcome', c.outcome),
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      suitDueOn: c.suitDueOn,
      parties: c.applicants,
      amount: { field: 'claimAmount', value: c.claimAmount ?? null },
    }),
  },
  judicialConfirmations: {
    kind: 'confirmation',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.appliedOn,
      endedOn: c.decidedOn,
      status: { type: 'ConfirmationStatus', value: c.status },
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      parties: c.applicants,
    }),
  },
  lawsuits: {
    kind: 'lawsuit',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.filedOn,
      endedOn: c.judgmentOn,
      status: { type: 'LawsuitStage', value: c.stage },
      outcome: labelled('LawsuitOutcome', c.outcome),
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      parties: c.plaintiffs,
    }),
  },
  enforcementCases: {
    kind: 'enforcement',
    read: (c) => ({
      caseNo: c.caseNo,
      startedOn: c.filedOn,
      endedOn: c.closedOn,
      status: { type: 'EnforcementStatus', value: c.status },
      dueOn: c.dueOn ?? null,
      overdue: c.overdue,
      parties: [c.applicant],
      amount: { field: 'amount', value: c.amount ?? null },
    }),
  },
};

export function stagesOf(dispute: Dispute): Stage[] {
  const stages: Stage[] = [];
  for (const list of Object.keys(READINGS) as ListName[]) {
    const { kind, read } = READINGS[list] as { kind: StageKind; read: (c: CaseOf<ListName>) => Reading };
    const cases: ReadonlyArray<CaseOf<ListName>> = dispute[list] ?? [];
    cases.forEach((c, i) => {
      const r = read(c);
      stages.push({
        kind,
        department: DISPUTE_LISTS[list],
        caseNo: r.caseNo,
        path: [list, i],
        startedOn: r.startedOn,
        endedOn: r.endedOn ?? null,
        status: r.status,
        outcome: r.outcome ?? null,
        dueOn: r.dueOn,
        overdue: r.overdue,
        suitDueOn: r.suitDueOn ?? null,
        parties: r.parties,
        amount: r.amount ?? null,
      });
    });
  }
  return stages.sort((a, b) => a.startedOn.localeCompare(b.startedOn) || ORDER[a.kind] - ORDER[b.kind] || a.caseNo.localeCompare(b.caseNo));
}
