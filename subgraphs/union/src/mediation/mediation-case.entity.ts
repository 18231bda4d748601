import { Entity, Index } from '@mikro-orm/decorators/legacy';
import {
  CaseRecord,
  CaseOutcomeField,
  Party,
  Public,
  PublicDateField,
  Restricted,
  Shared,
  RecordHolds,
  RecordName,
  StageField,
  CreditCodeColumn,
  PartiesField,
  PersonRefsColumn,
  StringField,
} from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum MediationStatus {
  APPLIED = 'APPLIED',
  MEDIATING = 'MEDIATING',
  CLOSED = 'CLOSED',
}
registerEnumType(MediationStatus, {
  name: 'MediationStatus',
  description:
    'Stage of a union mediation case: APPLIED → MEDIATING → CLOSED, or APPLIED → CLOSED when withdrawn (or lapsed) before mediation began.',
  valuesConfig: {
    APPLIED: { description: 'Application received, mediation not yet begun (已申请)' },
    MEDIATING: { description: 'Mediation under way (调解中)' },
    CLOSED: { description: 'Closed (已结案)' },
  },
});

export enum MediationOutcome {
  AGREED = 'AGREED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
  LAPSED = 'LAPSED',
}
registerEnumType(MediationOutcome, {
  name: 'MediationOutcome',
  description: 'How a union mediation case ended.',
  valuesConfig: {
    AGREED: { description: 'Mediation agreement signed (达成调解协议)' },
    FAILED: { description: 'Mediation failed (调解不成)' },
    WITHDRAWN: { description: 'Application withdrawn (撤回申请)' },
    LAPSED: { description: 'No agreement within 15 days of the application: the parties may go to arbitration (逾期未达成协议)' },
  },
});

/** A labour-dispute mediation case (劳动争议调解) of the union's worker service centre. */
@ObjectType('MediationCase', { description: 'A labour-dispute mediation case at the union (工会劳动争议调解案件). Owned by UNION.' })
// Its parties belong to it: a channel's scope decides their names and ID numbers by this record.
@RecordHolds<MediationCase>(['workers'])
@RecordName('Mediation case')
@Entity({ tableName: 'mediation_case' })
@Index({
  name: 'mediation_case_worker_refs_idx',
  expression: 'create index "mediation_case_worker_refs_idx" on "mediation_case" using gin ("worker_refs")',
})
// The order of the `mediationCases` list (newest application first, same day by case number): a page reads only its rows.
@Index({
  name: 'mediation_case_applied_on_case_no_idx',
  expression: 'create index "mediation_case_applied_on_case_no_idx" on "mediation_case" ("applied_on" desc, "case_no")',
})
// The list's filter by how cases ended.
@Index({ properties: ['outcome'] })
export class MediationCase extends CaseRecord<'notes' | 'closedOn' | 'status' | 'outcome' | 'agreement'>(
  'Case number (案号), e.g. 京开工调字〔2026〕第0123号; its year is the application year.',
) {
  // The list is public; each Party's name and idNumber are PERSONAL and masked on their own.
  @PartiesField('Workers who applied for mediation (申请人).', 'a case names no more')
  workers: Party[];

  /** personRefs of the workers, for the `Worker.mediationCases` lookup (GIN-indexed). */
  @PersonRefsColumn()
  workerRefs: string[];

  @Field({ description: 'Credit code of the employer the workers are in dispute with (被申请单位统一社会信用代码).' })
  @Public()
  @CreditCodeColumn()
  enterpriseCreditCode: string;

  // An official acting in office, not personal data.
  @StringField('Mediator in charge (调解员).', Public(), { length: 40 })
  mediator: string;

  @StringField('Claims of the workers (调解请求).', Shared(), { refusable: true })
  claims: string;

  @StringField('Mediation record (调解记录). Restricted: for the union alone.', Restricted(), { refusable: true })
  notes: string = '';

  // Indexed for the risk signals' date window (事前预警).
  @PublicDateField('Date of the application (申请日期).', { index: true })
  appliedOn: string;

  @PublicDateField('Legal deadline: 15 days after the application; without an agreement by then the parties may go to arbitration.', {
    index: true,
  })
  dueOn: string;

  // Indexed for the list's filter on the closing date.
  @PublicDateField('Date the case was closed (结案日期).', { nullable: true, index: true })
  closedOn: string | null = null;

  @StageField(MediationStatus)
  status: MediationStatus = MediationStatus.APPLIED;

  @CaseOutcomeField(MediationOutcome, 'How the case ended (结案方式); empty while open.')
  outcome: MediationOutcome | null = null;

  @StringField('Text of the mediation agreement (调解协议), when the outcome is AGREED.', Shared(), { nullable: true })
  agreement: string | null = null;
}
