import { DateScalar, IsCaseNumber, IsUscc, NotInFuture, VersionField } from '@labour/shared';
import { IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { RecipientDepartment } from './judicial-suggestion.entity';

@InputType({ description: 'A judicial suggestion to issue (发出司法建议).' })
export class CreateJudicialSuggestionInput {
  @Field({ description: 'Suggestion number, e.g. （2026）京0115司建12号; its year is the year of issue.' })
  @IsCaseNumber('judicialSuggestion', 'issuedOn')
  suggestionNo: string;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code (统一社会信用代码) of the enterprise it concerns; null for a general suggestion.',
  })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;

  @Field(() => RecipientDepartment, { description: 'The department it is addressed to (被建议单位).' })
  @IsIn(Object.values(RecipientDepartment), { message: 'must be one of the RecipientDepartment values' })
  recipientDepartment: RecipientDepartment;

  @Field({ description: 'Subject (事由), 1 to 200 characters.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  subject: string;

  @Field({ description: 'Content (建议内容), 1 to 8000 characters.' })
  @Length(1, 8000, { message: 'must be 1 to 8000 characters' })
  content: string;

  @Field(() => DateScalar, { description: 'Date issued; not in the future.' })
  @NotInFuture()
  issuedOn: string;
}

@InputType({
  description: 'Changes to a judicial suggestion awaiting its reply, or the recording of the reply; fields left out stay as they are.',
})
export class UpdateJudicialSuggestionInput {
  @Field({ description: 'Suggestion number.' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  suggestionNo: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New subject, 1 to 200 characters.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'New content, 1 to 8000 characters.' })
  @IsOptional()
  @Length(1, 8000, { message: 'must be 1 to 8000 characters' })
  content?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the recipient replied (回复日期); not before issue, not in the future. Ends the wait.',
  })
  @IsOptional()
  @NotInFuture()
  repliedOn?: string | null;
}
