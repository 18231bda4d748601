import { Entity, Index } from '@mikro-orm/decorators/legacy';
import {
  CaseRecord,
  Party,
  PublicDateField,
  RecordName,
  StageField,
  CreditCodeColumn,
  PartiesField,
  PersonRefsColumn,
  SourceCaseNumberField,
} from '@labour/shared';
import { ObjectType, registerEnumType } from 'type-graphql';

export enum ConfirmationStatus {
  APPLIED = 'APPLIED',
  CONFIRMED = 'CONFIRMED',
  REFUSED = 'REFUSED',
}
registerEnumType(ConfirmationStatus, {
  name: 'ConfirmationStatus',
  description: 'Stage of a judicial confirmation: APPLIED → CONFIRMED or REFUSED, decided within 15 days.',
  valuesConfig: {
    APPLIED: { description: 'Application received, decision pending (已申请)' },
    CONFIRMED: { description: 'Agreement confirmed as valid and enforceable (确认有效)' },
    REFUSED: { description: 'Confirmation refused (驳回申请)' },
  },
});

/** Judicial confirmation (司法确认) of a mediation agreement, which makes it enforceable. */
@ObjectType('JudicialConfirmation', {
  description: 'Judicial confirmation (司法确认) of a mediation agreement, which makes it enforceable. Owned by COURT.',
})
@RecordName('Judicial confirmation')
@Entity({ tableName: 'judicial_confirmation' })
// The order of the `judicialConfirmations` list: newest application first, the same day by case number.
@Index({
  name: 'judicial_confirmation_applied_on_case_no_idx',
  expression: 'create index "judicial_confirmation_applied_on_case_no_idx" on "judicial_confirmation" ("applied_on" desc, "case_no")',
})
@Index({
  name: 'judicial_confirmation_applicant_refs_idx',
  expression: 'create index "judicial_confirmation_applicant_refs_idx" on "judicial_confirmation" using gin ("applicant_refs")',
})
export class JudicialConfirmation extends CaseRecord<'decidedOn' | 'status' | 'dueOn'>(
  'Case number (案号) of the special procedure (民特), e.g. （2026）京0115民特78号.',
) {
  @SourceCaseNumberField('Number of the union mediation case whose agreement is to be confirmed (调解案号).')
  mediationCaseNo: string;

  @PartiesField('Applicants (申请人): the workers who are parties to the agreement.', 'an application names no more')
  applicants: Party[];

  /** personRefs of the applicants, for `Worker.judicialConfirmations` (GIN-indexed). */
  @PersonRefsColumn()
  applicantRefs: string[];

  /** The employer party to the agreement; the enterprise file is HR's, so only its validated code is kept. */
  @CreditCodeColumn()
  enterpriseCreditCode: string;

  @PublicDateField('Date the application was received (申请日期).')
  appliedOn: string;

  // Indexed for the list's `decidedOn` filter.
  @PublicDateField('Date of the decision (裁定日期).', { nullable: true, index: true })
  decidedOn: string | null = null;

  @StageField(ConfirmationStatus, 'Stage of the application.')
  status: ConfirmationStatus = ConfirmationStatus.APPLIED;

  @PublicDateField('Legal deadline of the decision (15 days after the application) while APPLIED; empty once decided.', {
    nullable: true,
    index: true,
  })
  dueOn: string | null = null;
}
