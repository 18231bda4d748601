import {
  AmountInputField,
  BooleanFilterField,
  CaseNumberInputField,
  CaseVersionInput,
  CreditCodeInputField,
  DisputeNosFilterField,
  DateRange,
  DisputeNoInputField,
  PartiesInputField,
  PartyInput,
  PastDateInputField,
  TextInputField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { IsIn } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ArbitrationOutcome, ArbitrationStatus } from './arbitration-case.entity';

@InputType({ description: 'A new arbitration application (仲裁申请).' })
export class CreateArbitrationCaseInput {
  @CaseNumberInputField('arbitration', 'filedOn', 'Case number, e.g. 京开劳人仲字〔2026〕第0123号; its year is the filing year.')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号): the one the dispute already has (e.g. from union mediation), or a new LD-HR-… number.')
  disputeNo: string;

  @PartiesInputField('Applicants (申请人), 1 to 200 workers.', { one: 'applicant', many: 'applicants' })
  applicants: PartyInput[];

  @CreditCodeInputField('Credit code of the respondent employer (被申请人), which must be in the enterprise file.')
  respondentCreditCode: string;

  @TextInputField('Claims (仲裁请求), 1 to 4000 characters.', 4000)
  claims: string;

  @AmountInputField('Total amount claimed in yuan; at least 0.00.', 0)
  claimAmount: string;

  @PastDateInputField('Date the application was received; not in the future.')
  filedOn: string;
}

@InputType({ description: 'Identifies an arbitration case at the version the caller read.' })
export class ArbitrationCaseVersionInput extends CaseVersionInput() {}

@InputType({ description: 'Changes to the claims of an arbitration case; fields left out stay as they are.' })
export class UpdateArbitrationCaseInput extends ArbitrationCaseVersionInput {
  @TextInputField('New claims text.', 4000, { nullable: true })
  claims?: string;

  @AmountInputField('New total amount claimed.', 0, { nullable: true })
  claimAmount?: string;
}

@InputType({ description: 'Acceptance (受理) or refusal (不予受理) of an application, or the closing of a case, on a date.' })
export class ArbitrationDecisionInput extends ArbitrationCaseVersionInput {
  @PastDateInputField('Date of the decision; not in the future.')
  on: string;
}

@InputType({ description: 'The closing of an accepted arbitration case (结案).' })
export class CloseArbitrationCaseInput extends ArbitrationDecisionInput {
  @Field(() => ArbitrationOutcome, { description: 'How the case ended: AWARD, SETTLED or WITHDRAWN.' })
  @IsIn([ArbitrationOutcome.AWARD, ArbitrationOutcome.SETTLED, ArbitrationOutcome.WITHDRAWN], {
    message: 'must be AWARD, SETTLED or WITHDRAWN (NOT_ACCEPTED is recorded by declineArbitrationCase)',
  })
  outcome: ArbitrationOutcome;

  @TextInputField('Summary of the award; required when the outcome is AWARD.', 4000, { nullable: true })
  awardSummary?: string | null;
}

@InputType({
  description:
    'Which arbitration cases to list: every condition given must hold (AND); a list condition holds for any of its values. ' +
    'Filters on PUBLIC fields are open to every caller; claimAmountAtLeast (SHARED) only to HR_BUREAU staff.',
})
export class ArbitrationCaseFilter {
  @AnyOfFilterField(() => ArbitrationStatus, 'Only cases in one of these stages.')
  status?: ArbitrationStatus[] | null;

  @AnyOfFilterField(() => ArbitrationOutcome, 'Only cases that ended in one of these ways (open cases have none).')
  outcome?: ArbitrationOutcome[] | null;

  @DateRangeFilterField('Only cases filed (申请日期) within this span.')
  filedOn?: DateRange | null;

  @DateRangeFilterField('Only cases accepted (受理日期) within this span.')
  acceptedOn?: DateRange | null;

  @DateRangeFilterField('Only cases closed or declined (结案日期) within this span.')
  closedOn?: DateRange | null;

  @DateRangeFilterField('Only open cases whose current legal deadline (dueOn) is within this span.')
  dueOn?: DateRange | null;

  @BooleanFilterField('true: only cases past the deadline of their stage (dueOn before today) and still open; false: only the others.')
  overdue?: boolean | null;

  @BooleanFilterField('Only cases whose award deadline was (true) or was not (false) extended.')
  extended?: boolean | null;

  @TextInputField('Only cases against an enterprise of this district or town (exact, 所属街镇).', 50, { nullable: true })
  district?: string | null;

  @CreditCodeInputField('Only cases against the enterprise of this credit code (被申请人).', { nullable: true })
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;

  @AmountInputField('Only cases claiming at least this many yuan. SHARED: HR_BUREAU staff only.', 0, { nullable: true })
  claimAmountAtLeast?: string | null;
}

@ArgsType()
export class ArbitrationCasesArgs extends ListArgs(ArbitrationCaseFilter, 'cases') {}
