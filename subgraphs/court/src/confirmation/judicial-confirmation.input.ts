import {
  CaseVersionInput,
  CreditCodeInputField,
  DisputeNoInputField,
  IsCaseNumber,
  PartiesInputField,
  PartyInput,
  PastDateInputField,
} from '@labour/shared';
import { IsIn } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';
import { ConfirmationStatus } from './judicial-confirmation.entity';

const APPLICANTS = { one: 'applicant', many: 'applicants' };

@InputType({ description: 'An application for judicial confirmation of a mediation agreement (司法确认申请).' })
export class CreateJudicialConfirmationInput {
  @Field({ description: 'Case number, e.g. （2026）京0115民特78号; its year is the year of application.' })
  @IsCivilCaseNumber(['民特'], 'appliedOn')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号) the dispute carries from mediation.')
  disputeNo: string;

  @Field({ description: 'Number of the union mediation case (调解案号), e.g. 京开工调字〔2026〕第0123号.' })
  @IsCaseNumber('unionMediation')
  mediationCaseNo: string;

  @PartiesInputField('Applicants (申请人), 1 to 200 workers party to the agreement.', APPLICANTS)
  applicants: PartyInput[];

  @CreditCodeInputField('Credit code (统一社会信用代码) of the employer party to the agreement.')
  enterpriseCreditCode: string;

  @PastDateInputField('Date the application was received; not in the future.')
  appliedOn: string;
}

@InputType({ description: 'Identifies a judicial confirmation at the version the caller read.' })
class JudicialConfirmationVersionInput extends CaseVersionInput('Case number (案号).') {}

@InputType({ description: 'Corrections to a pending application; fields left out stay as they are.' })
export class UpdateJudicialConfirmationInput extends JudicialConfirmationVersionInput {
  @PartiesInputField('The complete new list of applicants, 1 to 200.', APPLICANTS, { nullable: true })
  applicants?: PartyInput[] | null;

  @CreditCodeInputField('New credit code of the employer party.', { nullable: true })
  enterpriseCreditCode?: string | null;
}

@InputType({ description: 'The decision on an application for judicial confirmation (裁定).' })
export class DecideJudicialConfirmationInput extends JudicialConfirmationVersionInput {
  @Field(() => ConfirmationStatus, { description: 'The decision: CONFIRMED or REFUSED.' })
  @IsIn([ConfirmationStatus.CONFIRMED, ConfirmationStatus.REFUSED], { message: 'must be CONFIRMED or REFUSED' })
  status: ConfirmationStatus;

  @PastDateInputField('Date of the decision; not before the application, not in the future.')
  decidedOn: string;
}
