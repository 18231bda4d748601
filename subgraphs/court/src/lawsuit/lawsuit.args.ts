import { ArgsType, Field } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';

@ArgsType()
export class LawsuitCaseNoArgs {
  @Field({ description: 'Case number (案号), e.g. （2026）京0115民初1234号.' })
  @IsCivilCaseNumber(['民初', '民终'])
  caseNo: string;
}
