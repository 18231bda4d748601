/**
 * A dispute as one object while generating: the cases the four departments hold about it hang off it,
 * so that each step (mediation → arbitration → lawsuit → enforcement, legal aid beside them) can look at
 * what happened before. The world only keeps the flat records, joined by `disputeNo`.
 */
import type {
  DemoArbitrationCase,
  DemoEnterprise,
  DemoLawsuit,
  DemoLegalAidCase,
  DemoMediationCase,
  DemoParty,
  DemoPeopleMediationCase,
  DemoWorker,
} from './world.types';
import { numberRecord, type GenContext } from './context';
import type { Series } from './numbering';
import type { Claim } from './claims';
import type { IndustryProfile } from './vocab-enterprises';
import { dayOf } from './dates';

/** The department where the dispute first arrived: union mediation, the arbitration commission, people's mediation. */
export type DisputeOrigin = 'UN' | 'HR' | 'JU';

export interface Dispute {
  origin: DisputeOrigin;
  startDay: number;
  disputeNo: string;
  /** Story disputes take their numbers at once so that they keep them at every scale and seed. */
  fixedNumbers: boolean;
  enterprise: DemoEnterprise;
  industry: IndustryProfile;
  parties: DemoParty[];
  claim: Claim;
  /** Every record that carries this dispute's number; they get it once numbers are handed out. */
  records: { disputeNo: string | null }[];
  mediation: DemoMediationCase | null;
  peopleMediation: DemoPeopleMediationCase | null;
  arbitration: DemoArbitrationCase | null;
  /** What the arbitration awarded, in fen (0 without an award). */
  awardFen: number;
  lawsuit: DemoLawsuit | null;
  /** The appeal (民终) against the first-instance judgment, its own lawsuit record. */
  appeal: DemoLawsuit | null;
  /** What the court ordered the enterprise to pay, in fen. */
  judgedFen: number;
  legalAid: DemoLegalAidCase[];
}

export function partyOf(worker: DemoWorker): DemoParty {
  return { idNumber: worker.idNumber, name: worker.name };
}

export function newDispute(
  ctx: GenContext,
  init: Pick<Dispute, 'origin' | 'startDay' | 'enterprise' | 'industry' | 'parties' | 'claim'> & { fixedNumbers?: boolean },
): Dispute {
  const dispute: Dispute = {
    ...init,
    fixedNumbers: init.fixedNumbers ?? false,
    disputeNo: '',
    records: [],
    mediation: null,
    peopleMediation: null,
    arbitration: null,
    awardFen: 0,
    lawsuit: null,
    appeal: null,
    judgedFen: 0,
    legalAid: [],
  };
  assignNumber(ctx, dispute, `dispute${init.origin}`, init.startDay, (no) => {
    dispute.disputeNo = no;
  });
  ctx.numbering.afterwards(() => {
    for (const record of dispute.records) record.disputeNo = dispute.disputeNo;
  });
  ctx.disputes.push(dispute);
  return dispute;
}

/** Numbers a record of the dispute: right away for story disputes, in filing order for the others. */
function assignNumber(ctx: GenContext, dispute: Dispute, series: Series, day: number, apply: (no: string) => void): void {
  numberRecord(ctx, series, day, dispute.fixedNumbers, apply);
}

/**
 * Files a case record of the dispute (see `link`): numbered in its series on its day (the number is set
 * once the numbering runs) and added to its department's list; returns it.
 */
export function fileCase<T extends { caseNo: string; disputeNo: string | null }>(
  ctx: GenContext,
  dispute: Dispute,
  series: Series,
  day: number,
  list: T[],
  fields: Omit<T, 'caseNo' | 'disputeNo'>,
): T {
  const record = link(dispute, { caseNo: '', disputeNo: '', ...fields } as T);
  assignNumber(ctx, dispute, series, day, (no) => {
    record.caseNo = no;
  });
  list.push(record);
  return record;
}

/** Registers a record as carrying the dispute's number and returns it. */
export function link<T extends { disputeNo: string | null }>(dispute: Dispute, record: T): T {
  record.disputeNo = dispute.disputeNo;
  dispute.records.push(record);
  return record;
}

/**
 * The day the dispute ended (its last case closed with nothing pending after it), or null while it is open.
 * Used to close legal-aid cases once the matter they were granted for is over.
 */
export function endDayOf(dispute: Dispute): number | null {
  const day = (iso: string | null): number | null => (iso === null ? null : dayOf(iso));
  if (dispute.appeal) return dispute.appeal.stage === 'CLOSED' ? day(dispute.appeal.judgmentOn) : null;
  if (dispute.lawsuit) return dispute.lawsuit.stage === 'CLOSED' ? day(dispute.lawsuit.judgmentOn) : null;
  if (dispute.arbitration) return day(dispute.arbitration.closedOn);
  if (dispute.peopleMediation) return day(dispute.peopleMediation.closedOn);
  if (dispute.mediation) return day(dispute.mediation.closedOn);
  return null;
}
