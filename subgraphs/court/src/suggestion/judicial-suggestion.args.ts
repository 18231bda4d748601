import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class SuggestionNoArgs {
  @Field({ description: 'Suggestion number (司法建议书编号), e.g. （2026）京0115司建12号.' })
  @IsCaseNumber('judicialSuggestion')
  suggestionNo: string;
}
