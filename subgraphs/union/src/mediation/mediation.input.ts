import {
  BooleanFilterField,
  CaseNumberInputField,
  CaseVersionInput,
  CreditCodeInputField,
  DateRange,
  DisputeNoInputField,
  PartiesInputField,
  PartyInput,
  PastDateInputField,
  TextInputField,
  ListArgs,
  DisputeNosFilterField,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { MediationOutcome, MediationStatus } from './mediation-case.entity';

@InputType({ description: 'A new application for union mediation (调解申请).' })
export class CreateMediationCaseInput {
  @CaseNumberInputField('unionMediation', 'appliedOn', 'Case number, e.g. 京开工调字〔2026〕第0123号; its year is the application year.')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号): the one the dispute already has, or a new LD-UN-… number.')
  disputeNo: string;

  @PartiesInputField('Workers applying (申请人), 1 to 200.', { one: 'worker', many: 'workers' })
  workers: PartyInput[];

  @CreditCodeInputField('Credit code of the employer (被申请单位统一社会信用代码).')
  enterpriseCreditCode: string;

  @TextInputField('Mediator in charge (调解员), 1 to 40 characters.', 40)
  mediator: string;

  @TextInputField('Claims (调解请求), 1 to 4000 characters.', 4000)
  claims: string;

  @TextInputField('Mediation record so far (调解记录), up to 20000 characters. Restricted.', 20000, { nullable: true, min: 0 })
  notes?: string | null;

  @PastDateInputField('Date of the application; not in the future. The 15-day mediation period runs from it.')
  appliedOn: string;
}

@InputType({ description: 'Identifies a mediation case at the version the caller read.' })
class MediationCaseVersionInput extends CaseVersionInput() {}

@InputType({ description: 'Changes to an open mediation case; fields left out stay as they are.' })
export class UpdateMediationCaseInput extends MediationCaseVersionInput {
  @TextInputField('New claims text.', 4000, { nullable: true })
  claims?: string | null;

  @TextInputField('New mediation record (replaces the old one). Restricted.', 20000, { nullable: true, min: 0 })
  notes?: string | null;

  @TextInputField('New mediator in charge.', 40, { nullable: true })
  mediator?: string | null;
}

@InputType({ description: 'The start of mediation of an APPLIED case, on a date.' })
export class StartMediationInput extends MediationCaseVersionInput {
  @PastDateInputField('Date mediation began; not before the application, not in the future.')
  on: string;
}

@InputType({ description: 'The closing of a mediation case (结案).' })
export class CloseMediationCaseInput extends MediationCaseVersionInput {
  @PastDateInputField('Date of closing; not before the application, not in the future.')
  on: string;

  @Field(() => MediationOutcome, {
    description: 'How the case ended. An APPLIED case can only be WITHDRAWN or LAPSED; LAPSED only from the due date on.',
  })
  outcome: MediationOutcome;

  @TextInputField('Text of the mediation agreement (调解协议): required when AGREED, refused otherwise.', 20000, { nullable: true })
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

  @BooleanFilterField('true: only open cases whose 15-day period (dueOn) ended before today, as `overdue` says; false: only the others.')
  overdue?: boolean | null;

  @CreditCodeInputField('Only cases against the employer of this unified social credit code.', { nullable: true })
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class MediationCasesArgs extends ListArgs(MediationCaseFilter, 'cases') {}
