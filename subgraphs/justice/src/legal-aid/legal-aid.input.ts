import {
  DisputeNosFilterField,
  DateRange,
  DateScalar,
  IsCaseNumber,
  IsDisputeNo,
  IsUscc,
  NotInFuture,
  PartyInput,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { EligibilityBasis, LegalAidStatus } from './legal-aid-case.entity';

@InputType({ description: 'A new application for legal aid (法律援助申请).' })
export class CreateLegalAidCaseInput {
  @Field({ description: 'Case number, e.g. 京开法援〔2026〕第0123号; its year is the year of appliedOn.' })
  @IsCaseNumber('legalAid', 'appliedOn')
  caseNo: string;

  @Field({
    description:
      'Dispute number (争议编号): the one the dispute already has (e.g. from mediation or arbitration), or a new LD-JU-… number.',
  })
  @IsDisputeNo()
  disputeNo: string;

  @Field(() => PartyInput, { description: 'The applicant (受援人).' })
  @ValidateNested()
  applicant: PartyInput;

  @Field({ description: 'Credit code of the opposing employer (对方用人单位统一社会信用代码).' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field(() => EligibilityBasis, { description: 'Why the applicant qualifies (法律援助事由).' })
  @IsIn(Object.values(EligibilityBasis), { message: 'must be one of the EligibilityBasis values' })
  eligibilityBasis: EligibilityBasis;

  @Field(() => DateScalar, { description: 'Date the application was received; not in the future.' })
  @NotInFuture()
  appliedOn: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Evidence of economic hardship (经济困难证明), 1 to 4000 characters: required unless the basis is MIGRANT_WAGE_CLAIM, and then left out.',
  })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  hardshipEvidence?: string | null;
}

@InputType({ description: 'Identifies a legal-aid case at the version the caller read.' })
export class LegalAidCaseVersionInput {
  @Field({ description: 'Case number.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Changes to a legal-aid case; fields left out stay as they are.' })
export class UpdateLegalAidCaseInput extends LegalAidCaseVersionInput {
  @Field(() => EligibilityBasis, {
    nullable: true,
    description:
      'New basis, only while APPLIED. Changing it to MIGRANT_WAGE_CLAIM erases the hardship evidence, which that basis does not need.',
  })
  @IsOptional()
  @IsIn(Object.values(EligibilityBasis), { message: 'must be one of the EligibilityBasis values' })
  eligibilityBasis?: EligibilityBasis;

  @Field(() => String, { nullable: true, description: 'New hardship evidence, only while APPLIED and not for MIGRANT_WAGE_CLAIM.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  hardshipEvidence?: string;

  @Field(() => String, { nullable: true, description: 'New assigned lawyer (更换承办律师), while APPLIED or GRANTED; 1 to 40 characters.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  lawyer?: string;
}

@InputType({ description: 'The grant of legal aid (准予法律援助) with the lawyer who takes the case.' })
export class GrantLegalAidInput extends LegalAidCaseVersionInput {
  @Field(() => DateScalar, { description: 'Date of the grant; not before the application, not in the future.' })
  @NotInFuture()
  on: string;

  @Field(() => String, {
    nullable: true,
    description: 'The assigned lawyer (承办律师), 1 to 40 characters; may be left out when the case already names one.',
  })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only cases whose decision is late (still APPLIED after decisionDueOn, by the request's day); false: only the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only cases against this employer (its unified social credit code).' })
  @IsOptional()
  @IsUscc()
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
