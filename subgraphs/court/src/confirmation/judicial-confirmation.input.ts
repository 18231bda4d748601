import { DateScalar, IsCaseNumber, IsDisputeNo, IsUscc, NotInFuture, PartyInput, VersionField } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';
import { ConfirmationStatus } from './judicial-confirmation.entity';

@InputType({ description: 'An application for judicial confirmation of a mediation agreement (司法确认申请).' })
export class CreateJudicialConfirmationInput {
  @Field({ description: 'Case number, e.g. （2026）京0115民特78号; its year is the year of application.' })
  @IsCivilCaseNumber(['民特'], 'appliedOn')
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号) the dispute carries from mediation.' })
  @IsDisputeNo()
  disputeNo: string;

  @Field({ description: 'Number of the union mediation case (调解案号), e.g. 京开工调字〔2026〕第0123号.' })
  @IsCaseNumber('unionMediation')
  mediationCaseNo: string;

  @Field(() => [PartyInput], { description: 'Applicants (申请人), 1 to 200 workers party to the agreement.' })
  @ArrayMinSize(1, { message: 'must name at least one applicant' })
  @ArrayMaxSize(200, { message: 'must name at most 200 applicants' })
  @ValidateNested({ each: true })
  applicants: PartyInput[];

  @Field({ description: 'Credit code (统一社会信用代码) of the employer party to the agreement.' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field(() => DateScalar, { description: 'Date the application was received; not in the future.' })
  @NotInFuture()
  appliedOn: string;
}

@InputType({ description: 'Identifies a judicial confirmation at the version the caller read.' })
class JudicialConfirmationVersionInput {
  @Field({ description: 'Case number (案号).' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Corrections to a pending application; fields left out stay as they are.' })
export class UpdateJudicialConfirmationInput extends JudicialConfirmationVersionInput {
  @Field(() => [PartyInput], { nullable: true, description: 'The complete new list of applicants, 1 to 200.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one applicant' })
  @ArrayMaxSize(200, { message: 'must name at most 200 applicants' })
  @ValidateNested({ each: true })
  applicants?: PartyInput[] | null;

  @Field(() => String, { nullable: true, description: 'New credit code of the employer party.' })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;
}

@InputType({ description: 'The decision on an application for judicial confirmation (裁定).' })
export class DecideJudicialConfirmationInput extends JudicialConfirmationVersionInput {
  @Field(() => ConfirmationStatus, { description: 'The decision: CONFIRMED or REFUSED.' })
  @IsIn([ConfirmationStatus.CONFIRMED, ConfirmationStatus.REFUSED], { message: 'must be CONFIRMED or REFUSED' })
  status: ConfirmationStatus;

  @Field(() => DateScalar, { description: 'Date of the decision; not before the application, not in the future.' })
  @NotInFuture()
  decidedOn: string;
}
