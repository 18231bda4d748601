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
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PeopleMediationOutcome, PeopleMediationStatus } from './people-mediation-case.entity';

@InputType({ description: "A new application for people's mediation (人民调解申请)." })
export class CreatePeopleMediationCaseInput {
  @Field({ description: 'Case number, e.g. 京开人调〔2026〕第0123号; its year is the year of appliedOn.' })
  @IsCaseNumber('peopleMediation', 'appliedOn')
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号): the one the dispute already has, or a new LD-JU-… number.' })
  @IsDisputeNo()
  disputeNo: string;

  @Field({
    description:
      "Code of the committee that mediates, which must be registered; an ENTERPRISE committee mediates only its own enterprise's disputes.",
  })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  committeeCode: string;

  @Field(() => [PartyInput], { description: 'The workers who are parties (当事人), 1 to 200.' })
  @ArrayMinSize(1, { message: 'must name at least one party' })
  @ArrayMaxSize(200, { message: 'must name at most 200 parties' })
  @ValidateNested({ each: true })
  parties: PartyInput[];

  @Field({ description: 'Credit code of the employer in the dispute (用人单位统一社会信用代码).' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field({ description: 'Summary of the dispute, 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  summary: string;

  @Field(() => DateScalar, {
    description: 'Date the application was received; not in the future. The 15-day mediation period runs from it.',
  })
  @NotInFuture()
  appliedOn: string;
}

@InputType({ description: "Identifies a people's mediation case at the version the caller read." })
export class PeopleMediationCaseVersionInput {
  @Field({ description: 'Case number.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: "Changes to an open people's mediation case; fields left out stay as they are." })
export class UpdatePeopleMediationCaseInput extends PeopleMediationCaseVersionInput {
  @Field(() => String, { nullable: true, description: 'New summary of the dispute.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  summary?: string;

  @Field(() => [PartyInput], { nullable: true, description: 'The full new list of parties, 1 to 200.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one party' })
  @ArrayMaxSize(200, { message: 'must name at most 200 parties' })
  @ValidateNested({ each: true })
  parties?: PartyInput[];
}

@InputType({ description: "The closing of a people's mediation case (结案)." })
export class ClosePeopleMediationCaseInput extends PeopleMediationCaseVersionInput {
  @Field(() => DateScalar, { description: 'Date of closing; not before the application, not in the future.' })
  @NotInFuture()
  on: string;

  @Field(() => PeopleMediationOutcome, { description: 'How the case ended.' })
  @IsIn(Object.values(PeopleMediationOutcome), { message: 'must be one of the PeopleMediationOutcome values' })
  outcome: PeopleMediationOutcome;
}

@InputType({ description: "Which people's mediation cases to list; every filter set must hold. Each filters on a PUBLIC field." })
export class PeopleMediationCaseFilter {
  @AnyOfFilterField(() => PeopleMediationStatus, 'Only cases at one of these stages.')
  status?: PeopleMediationStatus[] | null;

  @AnyOfFilterField(() => PeopleMediationOutcome, 'Only closed cases that ended in one of these ways.')
  outcome?: PeopleMediationOutcome[] | null;

  @DateRangeFilterField('Only cases whose application was received in this span (appliedOn).')
  appliedOn?: DateRange | null;

  @DateRangeFilterField('Only cases whose 15-day mediation period ends in this span (dueOn).')
  dueOn?: DateRange | null;

  @DateRangeFilterField('Only cases closed in this span (closedOn); never an open one.')
  closedOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only open cases past their mediation period (dueOn before the request's day); false: only the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Only cases before a committee serving this district or town (its committee's district, exact), 1 to 50 characters.",
  })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Only cases before this committee (its code), 1 to 40 characters.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  committee?: string | null;

  @Field(() => String, { nullable: true, description: 'Only cases about this employer (its unified social credit code).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class PeopleMediationCasesArgs extends ListArgs(PeopleMediationCaseFilter, 'cases') {}
