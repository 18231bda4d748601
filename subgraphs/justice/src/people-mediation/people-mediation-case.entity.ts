import { type Ref } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import {
  CaseRecord,
  CaseOutcomeField,
  Party,
  PublicDateField,
  Shared,
  RecordName,
  StageField,
  CreditCodeColumn,
  PartiesField,
  PersonRefsColumn,
  StringField,
} from '@labour/shared';
import { ObjectType, registerEnumType } from 'type-graphql';
import { PeopleMediationCommittee } from '../committee/people-mediation-committee.entity';

export enum PeopleMediationStatus {
  APPLIED = 'APPLIED',
  MEDIATING = 'MEDIATING',
  CLOSED = 'CLOSED',
}
registerEnumType(PeopleMediationStatus, {
  name: 'PeopleMediationStatus',
  description: "Stage of a people's mediation case: APPLIED → MEDIATING → CLOSED, or APPLIED → CLOSED.",
  valuesConfig: {
    APPLIED: { description: 'Application received (已申请)' },
    MEDIATING: { description: 'Mediation under way (调解中)' },
    CLOSED: { description: 'Closed with an outcome (已结案)' },
  },
});

export enum PeopleMediationOutcome {
  AGREED = 'AGREED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PeopleMediationOutcome, {
  name: 'PeopleMediationOutcome',
  description: "How a people's mediation case ended.",
  valuesConfig: {
    AGREED: { description: 'Mediation agreement reached (调解成功, 达成调解协议)' },
    FAILED: { description: 'No agreement (调解不成)' },
    WITHDRAWN: { description: 'Withdrawn by the applicant (撤回申请)' },
  },
});

/** A labour dispute brought before a people's mediation committee (人民调解案件). */
@ObjectType('PeopleMediationCase', {
  description: "A labour dispute before a people's mediation committee (人民调解案件). Owned by JUSTICE.",
})
@RecordName("People's mediation case")
@Entity({ tableName: 'people_mediation_case' })
// Kept by the database too: a closed case has its date and outcome, an open one neither.
@Check({ name: 'people_mediation_case_closed_check', expression: "(status = 'CLOSED') = (closed_on is not null and outcome is not null)" })
@Index({
  name: 'people_mediation_case_party_refs_idx',
  expression: 'create index "people_mediation_case_party_refs_idx" on "people_mediation_case" using gin ("party_refs")',
})
// The order of the `peopleMediationCases` list (newest first, same-day cases by number), so that a page reads only
// its own rows; its leading column also serves the list's appliedOn filter.
@Index({
  name: 'people_mediation_case_applied_on_case_no_idx',
  expression: 'create index "people_mediation_case_applied_on_case_no_idx" on "people_mediation_case" ("applied_on" desc, "case_no")',
})
export class PeopleMediationCase extends CaseRecord<'closedOn' | 'status' | 'outcome'>(
  'Case number (案号), e.g. 京开人调〔2026〕第0123号; its year is the year of application.',
) {
  /** The committee mediating; its own table in this database, so a real foreign key. */
  @ManyToOne(() => PeopleMediationCommittee, { ref: true, index: true })
  committee: Ref<PeopleMediationCommittee>;

  // The list is public; each Party's name and idNumber are PERSONAL and masked on their own.
  @PartiesField('The workers who are parties to the dispute (当事人).', 'a case names no more')
  parties: Party[];

  /** personRefs of the parties, for the `Worker.peopleMediationCases` lookup (GIN-indexed). */
  @PersonRefsColumn()
  partyRefs: string[];

  /** The employer in the dispute, by credit code (HR_BUREAU's file, so no foreign key). */
  @CreditCodeColumn()
  enterpriseCreditCode: string;

  // The substance of the case (like the claims of a mediation): what departments exchange through channels.
  @StringField('Summary of the dispute (纠纷简要情况).', Shared(), { refusable: true })
  summary: string;

  @PublicDateField('Date the application was received (申请日期).')
  appliedOn: string;

  @PublicDateField('End of the 15-day mediation period (调解期限): with no agreement by then the parties may apply for arbitration.', {
    index: true,
  })
  dueOn: string;

  // Indexed for the list's `closedOn` filter.
  @PublicDateField('Date the case was closed (结案日期).', { nullable: true, index: true })
  closedOn: string | null = null;

  @StageField(PeopleMediationStatus)
  status: PeopleMediationStatus = PeopleMediationStatus.APPLIED;

  @CaseOutcomeField(PeopleMediationOutcome, 'How the case ended (结案方式); empty while open.')
  outcome: PeopleMediationOutcome | null = null;
}
