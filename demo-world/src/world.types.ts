/**
 * The demo world: plain records that describe one development zone as all four departments see it.
 *
 * The generator (`generateWorld`) draws it from a fixed seed; each department's seeder takes only
 * its own slice and stores it with its own entities. Persons travel as ID numbers here because the
 * world is the common ground truth; each department derives `personRef` itself when it stores them.
 *
 * Dates are ISO dates (`YYYY-MM-DD`); money is an exact decimal string with two places (`"12345.60"`).
 */

export type IsoDate = string;
export type Money = string;

export type DepartmentCode = 'HR_BUREAU' | 'UNION' | 'COURT' | 'JUSTICE';

/** A natural person as a party to a case. */
export interface DemoParty {
  idNumber: string;
  name: string;
}

// ---------------------------------------------------------------- hr-bureau (人社局)

export type Ownership =
  | 'STATE_OWNED'
  | 'COLLECTIVE'
  | 'PRIVATE'
  | 'FOREIGN_INVESTED'
  | 'HK_MACAO_TAIWAN_INVESTED'
  | 'JOINT_STOCK';

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  industry: string;
  district: string;
  address: string;
  ownership: Ownership;
  employeeCount: number;
  registeredOn: IsoDate;
}

export interface DemoWorker {
  idNumber: string;
  name: string;
  phone: string;
  /** Current employer, absent for a worker between jobs. */
  employerCreditCode: string | null;
}

export type InspectionKind = 'RANDOM' | 'COMPLAINT' | 'SPECIAL_CAMPAIGN';
export type InspectionStatus = 'OPEN' | 'RECTIFYING' | 'CLOSED';

export interface DemoInspection {
  inspectionNo: string;
  enterpriseCreditCode: string;
  kind: InspectionKind;
  inspectedOn: IsoDate;
  findings: string;
  violationFound: boolean;
  rectificationDueOn: IsoDate | null;
  closedOn: IsoDate | null;
  status: InspectionStatus;
}

export type AlertLevel = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';

export interface DemoWageArrearsAlert {
  alertNo: string;
  enterpriseCreditCode: string;
  project: string;
  level: AlertLevel;
  amountOwed: Money;
  workersAffected: number;
  raisedOn: IsoDate;
  resolvedOn: IsoDate | null;
}

export interface DemoLayoffReport {
  reportNo: string;
  enterpriseCreditCode: string;
  plannedCount: number;
  reason: string;
  reportedOn: IsoDate;
  effectiveOn: IsoDate;
  placementPlan: string;
}

export type ArbitrationStatus = 'FILED' | 'ACCEPTED' | 'DECLINED' | 'CLOSED';
export type ArbitrationOutcome = 'AWARD' | 'SETTLED' | 'WITHDRAWN' | 'NOT_ACCEPTED';

export interface DemoArbitrationCase {
  caseNo: string;
  disputeNo: string;
  applicants: DemoParty[];
  respondentCreditCode: string;
  claims: string;
  claimAmount: Money;
  filedOn: IsoDate;
  acceptedOn: IsoDate | null;
  extended: boolean;
  closedOn: IsoDate | null;
  status: ArbitrationStatus;
  outcome: ArbitrationOutcome | null;
  awardSummary: string | null;
}

// ---------------------------------------------------------------- union (总工会)

export type UnionKind = 'ENTERPRISE' | 'JOINT' | 'INDUSTRY';

export interface DemoUnionOrganization {
  name: string;
  kind: UnionKind;
  /** The enterprises it covers: one for an enterprise union, several for a joint union. */
  enterpriseCreditCodes: string[];
  district: string;
  foundedOn: IsoDate;
  chairName: string;
  memberCount: number;
}

export type MediationStatus = 'APPLIED' | 'MEDIATING' | 'CLOSED';
export type MediationOutcome = 'AGREED' | 'FAILED' | 'WITHDRAWN' | 'LAPSED';

export interface DemoMediationCase {
  caseNo: string;
  disputeNo: string;
  workers: DemoParty[];
  enterpriseCreditCode: string;
  mediator: string;
  claims: string;
  notes: string;
  appliedOn: IsoDate;
  closedOn: IsoDate | null;
  status: MediationStatus;
  outcome: MediationOutcome | null;
  agreement: string | null;
}

export type ContractKind = 'COMPREHENSIVE' | 'WAGE' | 'FEMALE_WORKERS' | 'WORK_SAFETY';

export interface DemoCollectiveContract {
  contractNo: string;
  enterpriseCreditCode: string;
  kind: ContractKind;
  signedOn: IsoDate;
  filedOn: IsoDate;
  effectiveOn: IsoDate;
  expiresOn: IsoDate;
  wageIncreasePct: string;
  coveredWorkers: number;
}

export type AidKind = 'LIVING' | 'MEDICAL' | 'EDUCATION' | 'EMERGENCY';

export interface DemoHardshipAid {
  aidNo: string;
  recipient: DemoParty;
  enterpriseCreditCode: string | null;
  kind: AidKind;
  amount: Money;
  grantedOn: IsoDate;
  reason: string;
}

export type ConsultationChannel = 'HOTLINE' | 'WALK_IN' | 'ONLINE' | 'ON_SITE';

export interface DemoLegalConsultation {
  consultationNo: string;
  /** A worker who asked, or null when an enterprise asked. */
  worker: DemoParty | null;
  enterpriseCreditCode: string | null;
  channel: ConsultationChannel;
  topic: string;
  answerSummary: string;
  consultedOn: IsoDate;
  referredToLegalAid: boolean;
  disputeNo: string | null;
}

// ---------------------------------------------------------------- court (法院)

export type LawsuitStage = 'FILED' | 'IN_TRIAL' | 'JUDGED' | 'APPEALED' | 'CLOSED';
export type LawsuitOutcome = 'UPHELD' | 'PARTIALLY_UPHELD' | 'DISMISSED' | 'SETTLED' | 'WITHDRAWN';

export interface DemoLawsuit {
  caseNo: string;
  disputeNo: string;
  arbitrationCaseNo: string;
  plaintiffs: DemoParty[];
  defendantCreditCodes: string[];
  cause: string;
  filedOn: IsoDate;
  stage: LawsuitStage;
  judgmentOn: IsoDate | null;
  outcome: LawsuitOutcome | null;
  judgmentSummary: string | null;
  sealed: boolean;
}

export type ConfirmationStatus = 'APPLIED' | 'CONFIRMED' | 'REFUSED';

export interface DemoJudicialConfirmation {
  caseNo: string;
  disputeNo: string;
  mediationCaseNo: string;
  applicants: DemoParty[];
  enterpriseCreditCode: string;
  appliedOn: IsoDate;
  decidedOn: IsoDate | null;
  status: ConfirmationStatus;
}

export type EnforcementStatus = 'OPEN' | 'CONCLUDED' | 'TERMINATED_NO_ASSETS';

export interface DemoEnforcementCase {
  caseNo: string;
  disputeNo: string;
  sourceCaseNo: string;
  applicant: DemoParty;
  respondentCreditCode: string;
  amount: Money;
  recoveredAmount: Money;
  filedOn: IsoDate;
  closedOn: IsoDate | null;
  status: EnforcementStatus;
}

export interface DemoJudicialSuggestion {
  suggestionNo: string;
  enterpriseCreditCode: string | null;
  recipientDepartment: DepartmentCode;
  subject: string;
  content: string;
  issuedOn: IsoDate;
  repliedOn: IsoDate | null;
}

// ---------------------------------------------------------------- justice (司法局)

export type EligibilityBasis = 'ECONOMIC_HARDSHIP' | 'MIGRANT_WAGE_CLAIM' | 'WORK_INJURY' | 'OTHER';
export type LegalAidStatus = 'APPLIED' | 'GRANTED' | 'REFUSED' | 'CLOSED';

export interface DemoLegalAidCase {
  caseNo: string;
  disputeNo: string;
  applicant: DemoParty;
  enterpriseCreditCode: string;
  eligibilityBasis: EligibilityBasis;
  lawyer: string | null;
  appliedOn: IsoDate;
  grantedOn: IsoDate | null;
  status: LegalAidStatus;
  /** Required unless the basis is a migrant worker's wage claim (no hardship check). */
  hardshipEvidence: string | null;
}

export type CommitteeLevel = 'ENTERPRISE' | 'INDUSTRY' | 'TOWN' | 'ZONE' | 'DISTRICT';

export interface DemoPeopleMediationCommittee {
  code: string;
  name: string;
  level: CommitteeLevel;
  district: string;
  enterpriseCreditCode: string | null;
  mediatorCount: number;
  establishedOn: IsoDate;
}

export type PeopleMediationStatus = 'APPLIED' | 'MEDIATING' | 'CLOSED';
export type PeopleMediationOutcome = 'AGREED' | 'FAILED' | 'WITHDRAWN';

export interface DemoPeopleMediationCase {
  caseNo: string;
  disputeNo: string;
  committeeCode: string;
  parties: DemoParty[];
  enterpriseCreditCode: string;
  summary: string;
  appliedOn: IsoDate;
  closedOn: IsoDate | null;
  status: PeopleMediationStatus;
  outcome: PeopleMediationOutcome | null;
}

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
