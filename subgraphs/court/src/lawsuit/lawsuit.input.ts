import { DateScalar, IsCaseNumber, IsDisputeNo, NotInFuture, PartyInput, IsUscc, VersionField } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';

@InputType({ description: 'A labour lawsuit to file (立案); the arbitration case before it is required (仲裁前置).' })
export class CreateLawsuitInput {
  @Field({ description: 'Case number, e.g. （2026）京0115民初1234号 (民初 first instance, 民终 appeal); its year is the filing year.' })
  @IsCivilCaseNumber(['民初', '民终'], 'filedOn')
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号) the dispute already carries from mediation or arbitration.' })
  @IsDisputeNo()
  disputeNo: string;

  @Field({ description: 'Number of the preceding arbitration case (仲裁案号), e.g. 京开劳人仲字〔2026〕第0123号.' })
  @IsCaseNumber('arbitration')
  arbitrationCaseNo: string;

  @Field(() => [PartyInput], { description: 'Plaintiffs (原告), 1 to 200 workers.' })
  @ArrayMinSize(1, { message: 'must name at least one plaintiff' })
  @ArrayMaxSize(200, { message: 'must name at most 200 plaintiffs' })
  @ValidateNested({ each: true })
  plaintiffs: PartyInput[];

  @Field(() => [String], { description: 'Credit codes (统一社会信用代码) of the defendant employers (被告), 1 to 20, each once.' })
  @ArrayMinSize(1, { message: 'must name at least one defendant' })
  @ArrayMaxSize(20, { message: 'must name at most 20 defendants' })
  @ArrayUnique(undefined, { message: 'must not name the same defendant twice' })
  @IsUscc({ each: true })
  defendantCreditCodes: string[];

  @Field({ description: 'Cause of action (案由), 1 to 100 characters, e.g. 劳动报酬纠纷.' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  cause: string;

  @Field(() => DateScalar, { description: 'Date the case was filed (立案日期); not in the future.' })
  @NotInFuture()
  filedOn: string;

  @Field({ defaultValue: false, description: 'Whether the case is heard in private (不公开审理); false unless given.' })
  sealed: boolean;
}

@InputType({ description: 'Identifies a lawsuit at the version the caller read.' })
export class LawsuitVersionInput {
  @Field({ description: 'Case number (案号).' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Changes to a lawsuit; fields left out stay as they are. Only `sealed` may change once the case is CLOSED.' })
export class UpdateLawsuitInput extends LawsuitVersionInput {
  @Field(() => String, { nullable: true, description: 'New cause of action (案由), 1 to 100 characters.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  cause?: string | null;

  @Field(() => [PartyInput], { nullable: true, description: 'The complete new list of plaintiffs, 1 to 200.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one plaintiff' })
  @ArrayMaxSize(200, { message: 'must name at most 200 plaintiffs' })
  @ValidateNested({ each: true })
  plaintiffs?: PartyInput[] | null;

  @Field(() => [String], { nullable: true, description: 'The complete new list of defendant credit codes, 1 to 20, each once.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one defendant' })
  @ArrayMaxSize(20, { message: 'must name at most 20 defendants' })
  @ArrayUnique(undefined, { message: 'must not name the same defendant twice' })
  @IsUscc({ each: true })
  defendantCreditCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the case is heard in private (不公开审理).' })
  @IsOptional()
  sealed?: boolean | null;
}
