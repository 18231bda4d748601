/**
 * The demo world: plain records that describe one development zone as all four departments see it.
 *
 * The generator (`generateWorld`) draws it from a fixed seed; each department's seeder takes only
 * its own slice and stores it with its own entities. Persons travel as ID numbers here because the
 * world is the common ground truth; each department derives `personRef` itself when it stores them.
 *
 * Each record is typed from the entity that stores it (`EntityRow`): the same properties with the same
 * types, a string enum as its values ('FILED'), less what the department derives when it stores the row.
 * The entities are imported for their types only (erased by the compiler and the build): the generator
 * never loads a department's code, and the departments load the generator only when demo data is asked for.
 *
 * Dates are ISO dates (`YYYY-MM-DD`); money is an exact decimal string with two places (`"12345.60"`).
 */
import type { BaseRecord, Party } from '@labour/shared';
import type { ArbitrationCase } from '../../subgraphs/hr-bureau/src/arbitration/arbitration-case.entity';
import type { Enterprise } from '../../subgraphs/hr-bureau/src/enterprise/enterprise.entity';
import type { LaborInspection } from '../../subgraphs/hr-bureau/src/inspection/inspection.entity';
import type { LayoffReport } from '../../subgraphs/hr-bureau/src/layoff/layoff-report.entity';
import type { WageArrearsAlert } from '../../subgraphs/hr-bureau/src/wage-arrears/wage-arrears-alert.entity';
import type { Worker } from '../../subgraphs/hr-bureau/src/worker/worker.entity';
import type { HardshipAid } from '../../subgraphs/union/src/aid/hardship-aid.entity';
import type { LegalConsultation } from '../../subgraphs/union/src/consultation/legal-consultation.entity';
import type { CollectiveContract } from '../../subgraphs/union/src/contract/collective-contract.entity';
import type { MediationCase } from '../../subgraphs/union/src/mediation/mediation-case.entity';
import type { UnionOrganization } from '../../subgraphs/union/src/organization/union-organization.entity';
import type { JudicialConfirmation } from '../../subgraphs/court/src/confirmation/judicial-confirmation.entity';
import type { EnforcementCase } from '../../subgraphs/court/src/enforcement/enforcement-case.entity';
import type { Lawsuit } from '../../subgraphs/court/src/lawsuit/lawsuit.entity';
import type { JudicialSuggestion } from '../../subgraphs/court/src/suggestion/judicial-suggestion.entity';
import type { PeopleMediationCommittee } from '../../subgraphs/justice/src/committee/people-mediation-committee.entity';
import type { LegalAidCase } from '../../subgraphs/justice/src/legal-aid/legal-aid-case.entity';
import type { PeopleMediationCase } from '../../subgraphs/justice/src/people-mediation/people-mediation-case.entity';

export type IsoDate = string;
export type Money = string;

/** A property's value as the demo world writes it: a string enum as its values ('FILED'), anything else as it is. */
type Plain<V> = V extends string ? `${V}` : V;

/**
 * The demo world's record of entity `T`: its own properties (not the id, version and timestamps every
 * record has) as plain values, less `Derived`: what the department works out when it stores the row
 * (person refs, due dates, computed getters) or holds otherwise (an enterprise reference, the parties).
 * `Defaulted`: properties a row may leave to the entity's default.
 */
export type EntityRow<T, Derived extends keyof T = never, Defaulted extends keyof T = never> = {
  [P in Exclude<keyof T, keyof BaseRecord | Derived | Defaulted>]: Plain<T[P]>;
} & { [P in Defaulted]?: Plain<T[P]> };

/** A natural person as a party to a case: the department adds the personRef when it stores the party. */
export type DemoParty = Pick<Party, 'idNumber' | 'name'>;

// ---------------------------------------------------------------- hr-bureau (人社局)

export type DemoEnterprise = EntityRow<Enterprise>;

export interface DemoWorker extends EntityRow<Worker, 'personRef' | 'employer'> {
  /** Current employer, absent for a worker between jobs. */
  employerCreditCode: string | null;
}

export interface DemoInspection extends EntityRow<LaborInspection, 'enterprise'> {
  enterpriseCreditCode: string;
}

export interface DemoWageArrearsAlert extends EntityRow<WageArrearsAlert, 'enterprise' | 'open'> {
  enterpriseCreditCode: string;
}

export interface DemoLayoffReport extends EntityRow<LayoffReport, 'enterprise' | 'meetsNoticePeriod'> {
  enterpriseCreditCode: string;
}

export interface DemoArbitrationCase extends EntityRow<
  ArbitrationCase,
  'applicants' | 'applicantRefs' | 'respondent' | 'dueOn' | 'acceptanceDueOn' | 'suitDueOn'
> {
  applicants: DemoParty[];
  respondentCreditCode: string;
}

// ---------------------------------------------------------------- union (总工会)

export type DemoUnionOrganization = EntityRow<UnionOrganization>;

export interface DemoMediationCase extends EntityRow<MediationCase, 'workers' | 'workerRefs' | 'dueOn'> {
  workers: DemoParty[];
}

export type DemoCollectiveContract = EntityRow<CollectiveContract>;

export interface DemoHardshipAid extends EntityRow<HardshipAid, 'recipient' | 'recipientRef'> {
  recipient: DemoParty;
}

export interface DemoLegalConsultation extends EntityRow<LegalConsultation, 'worker' | 'workerRef'> {
  /** A worker who asked, or null when an enterprise asked. */
  worker: DemoParty | null;
}

// ---------------------------------------------------------------- court (法院)

export interface DemoLawsuit extends EntityRow<Lawsuit, 'plaintiffs' | 'plaintiffRefs' | 'dueOn'> {
  plaintiffs: DemoParty[];
}

export interface DemoJudicialConfirmation extends EntityRow<JudicialConfirmation, 'applicants' | 'applicantRefs' | 'dueOn'> {
  applicants: DemoParty[];
}

export interface DemoEnforcementCase extends EntityRow<EnforcementCase, 'applicant' | 'applicantRef' | 'dueOn'> {
  applicant: DemoParty;
}

export type DemoJudicialSuggestion = EntityRow<JudicialSuggestion, 'dueOn'>;

// ---------------------------------------------------------------- justice (司法局)

export interface DemoLegalAidCase extends EntityRow<LegalAidCase, 'applicant' | 'applicantRef' | 'decisionDueOn'> {
  applicant: DemoParty;
}

export type DemoPeopleMediationCommittee = EntityRow<PeopleMediationCommittee>;

export interface DemoPeopleMediationCase extends EntityRow<PeopleMediationCase, 'committee' | 'parties' | 'partyRefs' | 'dueOn'> {
  committeeCode: string;
  parties: DemoParty[];
}

// ---------------------------------------------------------------- the values the generator draws

export type Ownership = DemoEnterprise['ownership'];
export type InspectionKind = DemoInspection['kind'];
export type InspectionStatus = DemoInspection['status'];
export type AlertLevel = DemoWageArrearsAlert['level'];
export type ArbitrationStatus = DemoArbitrationCase['status'];
export type ArbitrationOutcome = NonNullable<DemoArbitrationCase['outcome']>;
export type UnionKind = DemoUnionOrganization['kind'];
export type MediationStatus = DemoMediationCase['status'];
export type MediationOutcome = NonNullable<DemoMediationCase['outcome']>;
export type ContractKind = DemoCollectiveContract['kind'];
export type AidKind = DemoHardshipAid['kind'];
export type ConsultationChannel = DemoLegalConsultation['channel'];
export type LawsuitStage = DemoLawsuit['stage'];
export type LawsuitOutcome = NonNullable<DemoLawsuit['outcome']>;
export type ConfirmationStatus = DemoJudicialConfirmation['status'];
export type EnforcementStatus = DemoEnforcementCase['status'];
export type DepartmentCode = DemoJudicialSuggestion['recipientDepartment'];
export type EligibilityBasis = DemoLegalAidCase['eligibilityBasis'];
export type LegalAidStatus = DemoLegalAidCase['status'];
export type CommitteeLevel = DemoPeopleMediationCommittee['level'];
export type PeopleMediationStatus = DemoPeopleMediationCase['status'];
export type PeopleMediationOutcome = NonNullable<DemoPeopleMediationCase['outcome']>;

// ---------------------------------------------------------------- the whole world

export interface World {
  /** The date the world is drawn as of: every date in it is on or before this day. */
  asOf: IsoDate;
  hr: {
    enterprises: DemoEnterprise[];
    workers: DemoWorker[];
    inspections: DemoInspection[];
    wageArrearsAlerts: DemoWageArrearsAlert[];
    layoffReports: DemoLayoffReport[];
    arbitrationCases: DemoArbitrationCase[];
  };
  union: {
    organizations: DemoUnionOrganization[];
    mediationCases: DemoMediationCase[];
    collectiveContracts: DemoCollectiveContract[];
    hardshipAids: DemoHardshipAid[];
    legalConsultations: DemoLegalConsultation[];
  };
  court: {
    lawsuits: DemoLawsuit[];
    judicialConfirmations: DemoJudicialConfirmation[];
    enforcementCases: DemoEnforcementCase[];
    judicialSuggestions: DemoJudicialSuggestion[];
  };
  justice: {
    legalAidCases: DemoLegalAidCase[];
    committees: DemoPeopleMediationCommittee[];
    peopleMediationCases: DemoPeopleMediationCase[];
  };
}

export interface WorldOptions {
  /** Multiplies the counts of enterprises, workers and cases; 1 is the demo zone, 20+ for benchmarks. */
  scale: number;
  /** The PRNG seed; the same seed and scale always give the same world. */
  seed: number;
  /** The day the world is drawn as of. */
  asOf: IsoDate;
}
