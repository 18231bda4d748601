import {
  DateScalar,
  DecimalScalar,
  IsCaseNumber,
  IsDisputeNo,
  IsUscc,
  MinAmount,
  NotInFuture,
  PartyInput,
  VersionField,
} from '@labour/shared';
import { IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEnforceableCaseNumber, NotMoreThan } from '../validation/court-rules';
import { EnforcementStatus } from './enforcement-case.entity';

@InputType({ description: 'An application for enforcement to file (申请执行立案).' })
export class CreateEnforcementCaseInput {
  @Field({ description: 'Case number, e.g. （2026）京0115执567号; its year is the filing year.' })
  @IsCaseNumber('courtEnforcement', 'filedOn')
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号) the dispute already carries.' })
  @IsDisputeNo()
  disputeNo: string;

  @Field({ description: 'Number of the case whose decision is enforced: a court civil case (民初/民终/民特) or an arbitration case.' })
  @IsEnforceableCaseNumber()
  sourceCaseNo: string;

  @Field(() => PartyInput, { description: 'Applicant for enforcement (申请执行人).' })
  @ValidateNested()
  applicant: PartyInput;

  @Field({ description: 'Credit code (统一社会信用代码) of the employer against whom enforcement runs (被执行人).' })
  @IsUscc()
  respondentCreditCode: string;

  @Field(() => DecimalScalar, { description: 'Amount to be enforced, in yuan; more than 0.' })
  @MinAmount(0.01)
  amount: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Amount already recovered, in yuan; 0.00 unless given, never more than the amount.',
  })
  @IsOptional()
  @MinAmount(0)
  @NotMoreThan('amount')
  recoveredAmount?: string | null;

  @Field(() => DateScalar, { description: 'Date the case was filed; not in the future.' })
  @NotInFuture()
  filedOn: string;
}

@InputType({ description: 'Identifies an enforcement case at the version the caller read.' })
class EnforcementCaseVersionInput {
  @Field({ description: 'Case number (案号).' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Changes to an open enforcement case; fields left out stay as they are.' })
export class UpdateEnforcementCaseInput extends EnforcementCaseVersionInput {
  @Field(() => DecimalScalar, { nullable: true, description: 'New amount to be enforced; more than 0.' })
  @IsOptional()
  @MinAmount(0.01)
  amount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount recovered so far; never more than the amount.' })
  @IsOptional()
  @MinAmount(0)
  recoveredAmount?: string | null;
}

@InputType({ description: 'The end of an enforcement case (结案).' })
export class CloseEnforcementCaseInput extends EnforcementCaseVersionInput {
  @Field(() => EnforcementStatus, {
    description: 'How it ended: CONCLUDED, or TERMINATED_NO_ASSETS when the employer has nothing to enforce against.',
  })
  @IsIn([EnforcementStatus.CONCLUDED, EnforcementStatus.TERMINATED_NO_ASSETS], { message: 'must be CONCLUDED or TERMINATED_NO_ASSETS' })
  status: EnforcementStatus;

  @Field(() => DateScalar, { description: 'Date the case was closed; not before filing, not in the future.' })
  @NotInFuture()
  closedOn: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Final amount recovered; never more than the amount. Left out, it stays as it is.',
  })
  @IsOptional()
  @MinAmount(0)
  recoveredAmount?: string | null;
}
