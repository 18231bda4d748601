import {
  CaseVersionInput,
  CreditCodesInputField,
  DisputeNoInputField,
  IsCaseNumber,
  PartiesInputField,
  PartyInput,
  PastDateInputField,
  TextInputField,
} from '@labour/shared';
import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';

const PLAINTIFFS = { one: 'plaintiff', many: 'plaintiffs' };
const DEFENDANTS = { one: 'defendant', many: 'defendants', again: 'the same defendant' };

@InputType({ description: 'A labour lawsuit to file (立案); the arbitration case before it is required (仲裁前置).' })
export class CreateLawsuitInput {
  @Field({ description: 'Case number, e.g. （2026）京0115民初1234号 (民初 first instance, 民终 appeal); its year is the filing year.' })
  @IsCivilCaseNumber(['民初', '民终'], 'filedOn')
  caseNo: string;

  @DisputeNoInputField('Dispute number (争议编号) the dispute already carries from mediation or arbitration.')
  disputeNo: string;

  @Field({ description: 'Number of the preceding arbitration case (仲裁案号), e.g. 京开劳人仲字〔2026〕第0123号.' })
  @IsCaseNumber('arbitration')
  arbitrationCaseNo: string;

  @PartiesInputField('Plaintiffs (原告), 1 to 200 workers.', PLAINTIFFS)
  plaintiffs: PartyInput[];

  @CreditCodesInputField('Credit codes (统一社会信用代码) of the defendant employers (被告), 1 to 20, each once.', 20, DEFENDANTS)
  defendantCreditCodes: string[];

  @TextInputField('Cause of action (案由), 1 to 100 characters, e.g. 劳动报酬纠纷.', 100)
  cause: string;

  @PastDateInputField('Date the case was filed (立案日期); not in the future.')
  filedOn: string;

  @Field({ defaultValue: false, description: 'Whether the case is heard in private (不公开审理); false unless given.' })
  sealed: boolean;
}

@InputType({ description: 'Identifies a lawsuit at the version the caller read.' })
export class LawsuitVersionInput extends CaseVersionInput('Case number (案号).') {}

@InputType({ description: 'Changes to a lawsuit; fields left out stay as they are. Only `sealed` may change once the case is CLOSED.' })
export class UpdateLawsuitInput extends LawsuitVersionInput {
  @TextInputField('New cause of action (案由), 1 to 100 characters.', 100, { nullable: true })
  cause?: string | null;

  @PartiesInputField('The complete new list of plaintiffs, 1 to 200.', PLAINTIFFS, { nullable: true })
  plaintiffs?: PartyInput[] | null;

  @CreditCodesInputField('The complete new list of defendant credit codes, 1 to 20, each once.', 20, DEFENDANTS, { nullable: true })
  defendantCreditCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the case is heard in private (不公开审理).' })
  @IsOptional()
  sealed?: boolean | null;
}
