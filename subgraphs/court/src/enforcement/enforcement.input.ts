import {
  AmountInputField,
  CaseNumberInputField,
  CaseVersionInput,
  CreditCodeInputField,
  DisputeNoInputField,
  PartyInput,
  PartyInputField,
  PastDateInputField,
} from '@labour/shared';
import { IsIn } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsEnforceableCaseNumber, NotMoreThan } from '../validation/court-rules';
import { EnforcementStatus } from './enforcement-case.entity';

@InputType({ description: 'An application for enforcement to file (申请执行立案).' })
export class CreateEnforcementCaseInput {
  @CaseNumberInputField('courtEnforcement', 'filedOn', 'Case number, e.g. （2026）京0115执567号; its year is the filing year.')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号) the dispute already carries.')
  disputeNo: string;

  @Field({ description: 'Number of the case whose decision is enforced: a court civil case (民初/民终/民特) or an arbitration case.' })
  @IsEnforceableCaseNumber()
  sourceCaseNo: string;

  @PartyInputField('Applicant for enforcement (申请执行人).')
  applicant: PartyInput;

  @CreditCodeInputField('Credit code (统一社会信用代码) of the employer against whom enforcement runs (被执行人).')
  respondentCreditCode: string;

  @AmountInputField('Amount to be enforced, in yuan; more than 0.', 0.01)
  amount: string;

  @AmountInputField('Amount already recovered, in yuan; 0.00 unless given, never more than the amount.', 0, { nullable: true })
  @NotMoreThan('amount')
  recoveredAmount?: string | null;

  @PastDateInputField('Date the case was filed; not in the future.')
  filedOn: string;
}

@InputType({ description: 'Identifies an enforcement case at the version the caller read.' })
class EnforcementCaseVersionInput extends CaseVersionInput('Case number (案号).') {}

@InputType({ description: 'Changes to an open enforcement case; fields left out stay as they are.' })
export class UpdateEnforcementCaseInput extends EnforcementCaseVersionInput {
  @AmountInputField('New amount to be enforced; more than 0.', 0.01, { nullable: true })
  amount?: string | null;

  @AmountInputField('Amount recovered so far; never more than the amount.', 0, { nullable: true })
  recoveredAmount?: string | null;
}

@InputType({ description: 'The end of an enforcement case (结案).' })
export class CloseEnforcementCaseInput extends EnforcementCaseVersionInput {
  @Field(() => EnforcementStatus, {
    description: 'How it ended: CONCLUDED, or TERMINATED_NO_ASSETS when the employer has nothing to enforce against.',
  })
  @IsIn([EnforcementStatus.CONCLUDED, EnforcementStatus.TERMINATED_NO_ASSETS], { message: 'must be CONCLUDED or TERMINATED_NO_ASSETS' })
  status: EnforcementStatus;

  @PastDateInputField('Date the case was closed; not before filing, not in the future.')
  closedOn: string;

  @AmountInputField('Final amount recovered; never more than the amount. Left out, it stays as it is.', 0, { nullable: true })
  recoveredAmount?: string | null;
}
