import {
  BooleanFilterField,
  CaseNumberInputField,
  CaseVersionInput,
  CreditCodeInputField,
  DisputeNosFilterField,
  DateRange,
  DisputeNoInputField,
  EnumInputField,
  PartyInput,
  PartyInputField,
  PastDateInputField,
  TextInputField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { ArgsType, InputType } from 'type-graphql';
import { EligibilityBasis, LegalAidStatus } from './legal-aid-case.entity';

@InputType({ description: 'A new application for legal aid (法律援助申请).' })
export class CreateLegalAidCaseInput {
  @CaseNumberInputField('legalAid', 'appliedOn', 'Case number, e.g. 京开法援〔2026〕第0123号; its year is the year of appliedOn.')
  caseNo: string;

  @DisputeNoInputField(
    'Dispute number (争议编号): the one the dispute already has (e.g. from mediation or arbitration), or a new LD-JU-… number.',
  )
  disputeNo: string;

  @PartyInputField('The applicant (受援人).')
  applicant: PartyInput;

  @CreditCodeInputField('Credit code of the opposing employer (对方用人单位统一社会信用代码).')
  enterpriseCreditCode: string;

  @EnumInputField(EligibilityBasis, 'EligibilityBasis', 'Why the applicant qualifies (法律援助事由).')
  eligibilityBasis: EligibilityBasis;

  @PastDateInputField('Date the application was received; not in the future.')
  appliedOn: string;

  @TextInputField(
    'Evidence of economic hardship (经济困难证明), 1 to 4000 characters: required unless the basis is MIGRANT_WAGE_CLAIM, and then left out.',
    4000,
    { nullable: true },
  )
  hardshipEvidence?: string | null;
}

@InputType({ description: 'Identifies a legal-aid case at the version the caller read.' })
export class LegalAidCaseVersionInput extends CaseVersionInput() {}

@InputType({ description: 'Changes to a legal-aid case; fields left out stay as they are.' })
export class UpdateLegalAidCaseInput extends LegalAidCaseVersionInput {
  @EnumInputField(
    EligibilityBasis,
    'EligibilityBasis',
    'New basis, only while APPLIED. Changing it to MIGRANT_WAGE_CLAIM erases the hardship evidence, which that basis does not need.',
    { nullable: true },
  )
  eligibilityBasis?: EligibilityBasis;

  @TextInputField('New hardship evidence, only while APPLIED and not for MIGRANT_WAGE_CLAIM.', 4000, { nullable: true })
  hardshipEvidence?: string;

  @TextInputField('New assigned lawyer (更换承办律师), while APPLIED or GRANTED; 1 to 40 characters.', 40, { nullable: true })
  lawyer?: string;
}

@InputType({ description: 'The grant of legal aid (准予法律援助) with the lawyer who takes the case.' })
export class GrantLegalAidInput extends LegalAidCaseVersionInput {
  @PastDateInputField('Date of the grant; not before the application, not in the future.')
  on: string;

  @TextInputField('The assigned lawyer (承办律师), 1 to 40 characters; may be left out when the case already names one.', 40, {
    nullable: true,
  })
  lawyer?: string | null;
}

@InputType({
  description:
    'Which legal-aid cases to list; every filter set must hold. Filters on PUBLIC fields are open to every caller; ' +
    "eligibilityBasis (SHARED) only to the justice bureau's staff.",
})
export class LegalAidCaseFilter {
  @AnyOfFilterField(() => LegalAidStatus, 'Only cases at one of these stages.')
  status?: LegalAidStatus[] | null;

  @DateRangeFilterField('Only cases whose application was received in this span (appliedOn).')
  appliedOn?: DateRange | null;

  @DateRangeFilterField('Only cases granted legal aid in this span (grantedOn); never an ungranted one.')
  grantedOn?: DateRange | null;

  @BooleanFilterField(
    "true: only cases whose decision is late (still APPLIED after decisionDueOn, by the request's day); false: only the others.",
  )
  overdue?: boolean | null;

  @CreditCodeInputField('Only cases against this employer (its unified social credit code).', { nullable: true })
  enterprise?: string | null;

  @AnyOfFilterField(
    () => EligibilityBasis,
    "Only cases on one of these grounds (法律援助事由). SHARED: the justice bureau's staff only, else FORBIDDEN.",
  )
  eligibilityBasis?: EligibilityBasis[] | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class LegalAidCasesArgs extends ListArgs(LegalAidCaseFilter, 'cases') {}
