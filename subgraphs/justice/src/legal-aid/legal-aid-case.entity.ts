import { Check, Entity, Enum, Index } from '@mikro-orm/decorators/legacy';
import {
  addDays,
  CaseRecord,
  DateScalar,
  Party,
  LEGAL_PERIODS,
  Public,
  PublicDateField,
  Restricted,
  Shared,
  RecordName,
  StageField,
  CreditCodeColumn,
  PartyField,
  PersonRefColumn,
  StringField,
} from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Legal Aid Law art. 43: the legal-aid office decides within 7 days of receiving the application. */

export enum EligibilityBasis {
  ECONOMIC_HARDSHIP = 'ECONOMIC_HARDSHIP',
  MIGRANT_WAGE_CLAIM = 'MIGRANT_WAGE_CLAIM',
  WORK_INJURY = 'WORK_INJURY',
  OTHER = 'OTHER',
}
registerEnumType(EligibilityBasis, {
  name: 'EligibilityBasis',
  description: 'Why the applicant qualifies for legal aid (法律援助事由).',
  valuesConfig: {
    ECONOMIC_HARDSHIP: { description: 'Economic hardship, shown by evidence (经济困难)' },
    MIGRANT_WAGE_CLAIM: { description: 'A migrant worker claiming unpaid wages (农民工讨薪): no economic-hardship check' },
    WORK_INJURY: { description: 'Compensation for a work injury (工伤赔偿)' },
    OTHER: { description: 'Another ground the law allows (其他)' },
  },
});

export enum LegalAidStatus {
  APPLIED = 'APPLIED',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
  CLOSED = 'CLOSED',
}
registerEnumType(LegalAidStatus, {
  name: 'LegalAidStatus',
  description: 'Stage of a legal-aid case: APPLIED → GRANTED (a lawyer is assigned) → CLOSED, or APPLIED → REFUSED.',
  valuesConfig: {
    APPLIED: { description: 'Application received, decision pending (已申请)' },
    GRANTED: { description: 'Legal aid granted, a lawyer assigned (准予援助)' },
    REFUSED: { description: 'Legal aid refused (不予援助)' },
    CLOSED: { description: 'The aided matter is over (结案)' },
  },
});

/** A legal-aid case (法律援助案件): a worker against an employer, with an assigned lawyer once granted. */
@ObjectType('LegalAidCase', { description: 'A legal-aid case (法律援助案件) of a worker against an employer. Owned by JUSTICE.' })
@RecordName('Legal-aid case')
@Entity({ tableName: 'legal_aid_case' })
// The rules the service enforces, kept by the database too: evidence unless a migrant wage claim, a lawyer once granted.
@Check({
  name: 'legal_aid_case_hardship_evidence_check',
  expression: "(eligibility_basis = 'MIGRANT_WAGE_CLAIM') = (hardship_evidence is null)",
})
@Check({
  name: 'legal_aid_case_lawyer_check',
  expression: "status not in ('GRANTED', 'CLOSED') or (lawyer is not null and granted_on is not null)",
})
// The order of the `legalAidCases` list (newest first, same-day cases by number), so that a page reads only its own rows;
// its leading column also serves every window on the application date (the list's filter, the risk signals).
@Index({
  name: 'legal_aid_case_applied_on_case_no_idx',
  expression: 'create index "legal_aid_case_applied_on_case_no_idx" on "legal_aid_case" ("applied_on" desc, "case_no")',
})
export class LegalAidCase extends CaseRecord<'lawyer' | 'grantedOn' | 'status' | 'hardshipEvidence' | 'decisionDueOn'>(
  'Case number (案号), e.g. 京开法援〔2026〕第0123号; its year is the year of application.',
) {
  // The link is public; the Party's name and idNumber are PERSONAL and masked on their own.
  @PartyField('The applicant (受援人), the worker who asked for legal aid.')
  applicant: Party;

  /** personRef of the applicant, for the `Worker.legalAidCases` lookup. */
  @PersonRefColumn()
  applicantRef: string;

  /** The opposing employer, by credit code: the enterprise file is HR_BUREAU's, so no foreign key. */
  @CreditCodeColumn()
  enterpriseCreditCode: string;

  // An enum, yet the substance of the case: ECONOMIC_HARDSHIP says something about the applicant.
  @Field(() => EligibilityBasis, { nullable: true, description: 'Why the applicant qualifies (法律援助事由).' })
  @Shared()
  @Enum({ items: () => EligibilityBasis })
  eligibilityBasis: EligibilityBasis;

  // A lawyer acting in office, not personal data.
  @StringField('The assigned lawyer (承办律师); required to grant legal aid.', Public(), { length: 40, nullable: true })
  lawyer: string | null = null;

  // Indexed (with caseNo, above) for the list's order and the risk signals' date window (事前预警).
  @PublicDateField('Date the application was received (申请日期).')
  appliedOn: string;

  // Indexed for the list's `grantedOn` filter.
  @PublicDateField('Date legal aid was granted (准予援助日期).', { nullable: true, index: true })
  grantedOn: string | null = null;

  @StageField(LegalAidStatus)
  status: LegalAidStatus = LegalAidStatus.APPLIED;

  @StringField(
    'Evidence of economic hardship (经济困难证明). Required unless the basis is MIGRANT_WAGE_CLAIM, for which none is collected. Restricted data.',
    Restricted(),
    { nullable: true },
  )
  hardshipEvidence: string | null = null;

  @Field(() => DateScalar, { description: 'Date the decision to grant or refuse is due: 7 days after the application (法律援助法第43条).' })
  @Public()
  get decisionDueOn(): string {
    return addDays(this.appliedOn, LEGAL_PERIODS.legalAidDecision);
  }
}
