import { type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import {
  arbitrationAcceptanceDueOn,
  CaseRecord,
  CaseOutcomeField,
  DateScalar,
  Party,
  Public,
  PublicDateField,
  Shared,
  StageField,
  suitAfterAwardDueOn,
  RecordHolds,
  RecordName,
  PartiesField,
  PersonRefsColumn,
  StringField,
  SharedAmountField,
} from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.entity';

export enum ArbitrationStatus {
  FILED = 'FILED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CLOSED = 'CLOSED',
}
registerEnumType(ArbitrationStatus, {
  name: 'ArbitrationStatus',
  description:
    'Stage of an arbitration case. FILED → ACCEPTED (within 5 days) → CLOSED (award due 45 days after acceptance, once extendable by 15); or FILED → DECLINED.',
  valuesConfig: {
    FILED: { description: 'Application received, acceptance pending (已申请)' },
    ACCEPTED: { description: 'Accepted, hearing under way (已受理)' },
    DECLINED: { description: 'Not accepted (不予受理)' },
    CLOSED: { description: 'Closed by award, settlement or withdrawal (已结案)' },
  },
});

export enum ArbitrationOutcome {
  AWARD = 'AWARD',
  SETTLED = 'SETTLED',
  WITHDRAWN = 'WITHDRAWN',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
}
registerEnumType(ArbitrationOutcome, {
  name: 'ArbitrationOutcome',
  description: 'How an arbitration case ended.',
  valuesConfig: {
    AWARD: { description: 'Award made (裁决)' },
    SETTLED: { description: 'Settled by mediation in arbitration (调解结案)' },
    WITHDRAWN: { description: 'Withdrawn by the applicant (撤诉)' },
    NOT_ACCEPTED: { description: 'Not accepted (不予受理)' },
  },
});

/** A labour-dispute arbitration case (劳动人事争议仲裁案件) before the commission. */
@ObjectType('ArbitrationCase', { description: 'A labour-dispute arbitration case (劳动人事争议仲裁案件). Owned by HR_BUREAU.' })
// Its parties belong to it: a channel's scope decides their names and ID numbers by this record.
@RecordHolds<ArbitrationCase>(['applicants'])
@RecordName('Arbitration case')
@Entity({ tableName: 'arbitration_case' })
@Index({
  name: 'arbitration_case_applicant_refs_idx',
  expression: 'create index "arbitration_case_applicant_refs_idx" on "arbitration_case" using gin ("applicant_refs")',
})
// The order of the `arbitrationCases` list (newest filing first, then case number): a page reads no more rows than it returns.
@Index({
  name: 'arbitration_case_filed_on_case_no_idx',
  expression: 'create index "arbitration_case_filed_on_case_no_idx" on "arbitration_case" ("filed_on" desc, "case_no")',
})
export class ArbitrationCase extends CaseRecord<
  'acceptedOn' | 'dueOn' | 'extended' | 'closedOn' | 'status' | 'outcome' | 'awardSummary' | 'acceptanceDueOn' | 'suitDueOn'
>('Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.') {
  @PartiesField('Applicants (申请人), the workers bringing the case.', 'a case names no more')
  applicants: Party[];

  /** personRefs of the applicants, for the `Worker.arbitrationCases` lookup (GIN-indexed). */
  @PersonRefsColumn()
  applicantRefs: string[];

  @ManyToOne(() => Enterprise, { ref: true, index: true })
  respondent: Ref<Enterprise>;

  @StringField('Claims (仲裁请求).', Shared(), { refusable: true })
  claims: string;

  @SharedAmountField('Total amount claimed, in yuan (请求金额).')
  claimAmount: string;

  // Indexed for the risk signals' date window (事前预警).
  @PublicDateField('Date the application was received (申请日期).', { index: true })
  filedOn: string;

  @PublicDateField('Date the case was accepted (受理日期).', { nullable: true })
  acceptedOn: string | null = null;

  @PublicDateField(
    'Legal deadline of the current stage: acceptance decision (5 days after filing) while FILED; award (45 days after acceptance, 60 if extended) while ACCEPTED; empty once closed.',
    { nullable: true, index: true },
  )
  dueOn: string | null = null;

  @Field({ description: 'Whether the award deadline was extended (延期, once, by at most 15 days).' })
  @Public()
  @Property()
  extended: boolean = false;

  @PublicDateField('Date the case was closed (结案日期).', { nullable: true })
  closedOn: string | null = null;

  @StageField(ArbitrationStatus)
  status: ArbitrationStatus = ArbitrationStatus.FILED;

  @CaseOutcomeField(ArbitrationOutcome, 'How the case ended (结案方式).')
  outcome: ArbitrationOutcome | null = null;

  @StringField('Summary of the award (裁决要旨).', Shared(), { nullable: true })
  awardSummary: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day to sue over the award (起诉期限): 15 days after it, counted from the award date as service is not recorded; empty unless the case closed by award.',
  })
  @Public()
  get suitDueOn(): string | null {
    return this.outcome === ArbitrationOutcome.AWARD && this.closedOn !== null ? suitAfterAwardDueOn(this.closedOn) : null;
  }

  /** Deadline of the acceptance decision, kept apart from `dueOn` which moves with the stage. */
  get acceptanceDueOn(): string {
    return arbitrationAcceptanceDueOn(this.filedOn);
  }
}
