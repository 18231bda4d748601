import { DateRange, IsUscc } from '@labour/shared';
import { ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { CaseListPageArgs } from '../case-lists/case-list-args';
import { RecipientDepartment } from './judicial-suggestion.entity';

@InputType({ description: 'Which judicial suggestions to list; every filter given must hold (filters left out do not restrict).' })
export class JudicialSuggestionFilter {
  @Field(() => [RecipientDepartment], {
    nullable: true,
    description: 'Only suggestions addressed to one of these departments (at least one).',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one department' })
  recipientDepartments?: RecipientDepartment[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Only suggestions issued within this span.' })
  @IsOptional()
  @ValidateNested()
  issuedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only suggestions replied to within this span.' })
  @IsOptional()
  @ValidateNested()
  repliedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only suggestions awaiting a reply that is due (dueOn) within this span.' })
  @IsOptional()
  @ValidateNested()
  dueOn?: DateRange | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only suggestions replied to; false: only those awaiting a reply.' })
  replied?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only suggestions awaiting a reply past its 2-month deadline (dueOn before the request's day); false: the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only suggestions about this enterprise (credit code).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;
}

@ArgsType()
export class JudicialSuggestionsArgs extends CaseListPageArgs {
  @Field(() => JudicialSuggestionFilter, { nullable: true, description: 'Which judicial suggestions to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  filter?: JudicialSuggestionFilter | null;
}

/** The field of JudicialSuggestion whose value each filter tests (what a filter reveals of every record it runs over). */
export const SUGGESTION_FILTER_FIELDS: Readonly<Record<keyof JudicialSuggestionFilter, string>> = {
  recipientDepartments: 'recipientDepartment',
  issuedOn: 'issuedOn',
  repliedOn: 'repliedOn',
  dueOn: 'dueOn',
  replied: 'repliedOn',
  overdue: 'dueOn',
  enterprise: 'enterprise',
};
