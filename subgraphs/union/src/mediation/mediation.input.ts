import {
  DateRange,
  DateScalar,
  IsCaseNumber,
  IsDisputeNo,
  IsUscc,
  NotInFuture,
  PartyInput,
  VersionField,
  ListArgs,
  DisputeNosFilterField,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { MediationOutcome, MediationStatus } from './mediation-case.entity';

@InputType({ description: 'A new application for union mediation (调解申请).' })
export class CreateMediationCaseInput {
  @Field({ description: 'Case number, e.g. 京开工调字〔2026〕第0123号; its year is the application year.' })
  @IsCaseNumber('unionMediation', 'appliedOn')
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号): the one the dispute already has, or a new LD-UN-… number.' })
  @IsDisputeNo()
  disputeNo: string;

  @Field(() => [PartyInput], { description: 'Workers applying (申请人), 1 to 200.' })
  @ArrayMinSize(1, { message: 'must name at least one worker' })
  @ArrayMaxSize(200, { message: 'must name at most 200 workers' })
  @ValidateNested({ each: true })
  workers: PartyInput[];

  @Field({ description: 'Credit code of the employer (被申请单位统一社会信用代码).' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field({ description: 'Mediator in charge (调解员), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  mediator: string;

  @Field({ description: 'Claims (调解请求), 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  claims: string;

  @Field(() => String, { nullable: true, description: 'Mediation record so far (调解记录), up to 20000 characters. Restricted.' })
  @IsOptional()
  @Length(0, 20000, { message: 'must be at most 20000 characters' })
  notes?: string | null;

  @Field(() => DateScalar, { description: 'Date of the application; not in the future. The 15-day mediation period runs from it.' })
  @NotInFuture()
  appliedOn: string;
}

@InputType({ description: 'Identifies a mediation case at the version the caller read.' })
class MediationCaseVersionInput {
  @Field({ description: 'Case number.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  caseNo: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'Changes to an open mediation case; fields left out stay as they are.' })
export class UpdateMediationCaseInput extends MediationCaseVersionInput {
  @Field(() => String, { nullable: true, description: 'New claims text.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  claims?: string | null;

  @Field(() => String, { nullable: true, description: 'New mediation record (replaces the old one). Restricted.' })
  @IsOptional()
  @Length(0, 20000, { message: 'must be at most 20000 characters' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'New mediator in charge.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  mediator?: string | null;
}

@InputType({ description: 'The start of mediation of an APPLIED case, on a date.' })
export class StartMediationInput extends MediationCaseVersionInput {
  @Field(() => DateScalar, { description: 'Date mediation began; not before the application, not in the future.' })
  @NotInFuture()
  on: string;
}

@InputType({ description: 'The closing of a mediation case (结案).' })
export class CloseMediationCaseInput extends MediationCaseVersionInput {
  @Field(() => DateScalar, { description: 'Date of closing; not before the application, not in the future.' })
  @NotInFuture()
  on: string;

  @Field(() => MediationOutcome, {
    description: 'How the case ended. An APPLIED case can only be WITHDRAWN or LAPSED; LAPSED only from the due date on.',
  })
  outcome: MediationOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'Text of the mediation agreement (调解协议): required when AGREED, refused otherwise.',
  })
  @IsOptional()
  @Length(1, 20000, { message: 'must be 1 to 20000 characters' })
  agreement?: string | null;
}

@InputType({ description: 'Which mediation cases to list: every condition given must hold; a condition left out does not filter.' })
export class MediationCaseFilter {
  @AnyOfFilterField(() => MediationStatus, 'Only cases at one of these stages.')
  status?: MediationStatus[] | null;

  @AnyOfFilterField(() => MediationOutcome, 'Only closed cases that ended in one of these ways.')
  outcome?: MediationOutcome[] | null;

  @DateRangeFilterField('Only cases applied for within this span (appliedOn).')
  appliedOn?: DateRange | null;

  @DateRangeFilterField('Only cases whose 15-day period ends within this span (dueOn).')
  dueOn?: DateRange | null;

  @DateRangeFilterField('Only cases closed within this span (closedOn); open cases have none.')
  closedOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only open cases whose 15-day period (dueOn) ended before today, as `overdue` says; false: only the others.',
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only cases against the employer of this unified social credit code.' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class MediationCasesArgs extends ListArgs(MediationCaseFilter, 'cases') {}
