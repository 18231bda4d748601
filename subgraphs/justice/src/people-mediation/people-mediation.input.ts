import {
  BooleanFilterField,
  CaseNumberInputField,
  CaseVersionInput,
  CreditCodeInputField,
  DisputeNosFilterField,
  DateRange,
  DisputeNoInputField,
  EnumInputField,
  PartiesInputField,
  PartyInput,
  PastDateInputField,
  TextInputField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { ArgsType, InputType } from 'type-graphql';
import { PeopleMediationOutcome, PeopleMediationStatus } from './people-mediation-case.entity';

const PARTIES = { one: 'party', many: 'parties' };

@InputType({ description: "A new application for people's mediation (人民调解申请)." })
export class CreatePeopleMediationCaseInput {
  @CaseNumberInputField('peopleMediation', 'appliedOn', 'Case number, e.g. 京开人调〔2026〕第0123号; its year is the year of appliedOn.')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号): the one the dispute already has, or a new LD-JU-… number.')
  disputeNo: string;

  @TextInputField(
    "Code of the committee that mediates, which must be registered; an ENTERPRISE committee mediates only its own enterprise's disputes.",
    40,
  )
  committeeCode: string;

  @PartiesInputField('The workers who are parties (当事人), 1 to 200.', PARTIES)
  parties: PartyInput[];

  @CreditCodeInputField('Credit code of the employer in the dispute (用人单位统一社会信用代码).')
  enterpriseCreditCode: string;

  @TextInputField('Summary of the dispute, 1 to 4000 characters.', 4000)
  summary: string;

  @PastDateInputField('Date the application was received; not in the future. The 15-day mediation period runs from it.')
  appliedOn: string;
}

@InputType({ description: "Identifies a people's mediation case at the version the caller read." })
export class PeopleMediationCaseVersionInput extends CaseVersionInput() {}

@InputType({ description: "Changes to an open people's mediation case; fields left out stay as they are." })
export class UpdatePeopleMediationCaseInput extends PeopleMediationCaseVersionInput {
  @TextInputField('New summary of the dispute.', 4000, { nullable: true })
  summary?: string;

  @PartiesInputField('The full new list of parties, 1 to 200.', PARTIES, { nullable: true })
  parties?: PartyInput[];
}

@InputType({ description: "The closing of a people's mediation case (结案)." })
export class ClosePeopleMediationCaseInput extends PeopleMediationCaseVersionInput {
  @PastDateInputField('Date of closing; not before the application, not in the future.')
  on: string;

  @EnumInputField(PeopleMediationOutcome, 'PeopleMediationOutcome', 'How the case ended.')
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

  @BooleanFilterField("true: only open cases past their mediation period (dueOn before the request's day); false: only the others.")
  overdue?: boolean | null;

  @TextInputField(
    "Only cases before a committee serving this district or town (its committee's district, exact), 1 to 50 characters.",
    50,
    { nullable: true },
  )
  district?: string | null;

  @TextInputField('Only cases before this committee (its code), 1 to 40 characters.', 40, { nullable: true })
  committee?: string | null;

  @CreditCodeInputField('Only cases about this employer (its unified social credit code).', { nullable: true })
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class PeopleMediationCasesArgs extends ListArgs(PeopleMediationCaseFilter, 'cases') {}
