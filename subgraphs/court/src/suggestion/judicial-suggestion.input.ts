import {
  CaseNumberInputField,
  CreditCodeInputField,
  EnumInputField,
  PastDateInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { InputType } from 'type-graphql';
import { RecipientDepartment } from './judicial-suggestion.entity';

@InputType({ description: 'A judicial suggestion to issue (发出司法建议).' })
export class CreateJudicialSuggestionInput {
  @CaseNumberInputField('judicialSuggestion', 'issuedOn', 'Suggestion number, e.g. （2026）京0115司建12号; its year is the year of issue.')
  suggestionNo: string;

  @CreditCodeInputField('Credit code (统一社会信用代码) of the enterprise it concerns; null for a general suggestion.', { nullable: true })
  enterpriseCreditCode?: string | null;

  @EnumInputField(RecipientDepartment, 'RecipientDepartment', 'The department it is addressed to (被建议单位).')
  recipientDepartment: RecipientDepartment;

  @TextInputField('Subject (事由), 1 to 200 characters.', 200)
  subject: string;

  @TextInputField('Content (建议内容), 1 to 8000 characters.', 8000)
  content: string;

  @PastDateInputField('Date issued; not in the future.')
  issuedOn: string;
}

@InputType({
  description: 'Changes to a judicial suggestion awaiting its reply, or the recording of the reply; fields left out stay as they are.',
})
export class UpdateJudicialSuggestionInput {
  @TextInputField('Suggestion number.', 60)
  suggestionNo: string;

  @VersionField()
  version: number;

  @TextInputField('New subject, 1 to 200 characters.', 200, { nullable: true })
  subject?: string | null;

  @TextInputField('New content, 1 to 8000 characters.', 8000, { nullable: true })
  content?: string | null;

  @PastDateInputField('Date the recipient replied (回复日期); not before issue, not in the future. Ends the wait.', { nullable: true })
  repliedOn?: string | null;
}
