import { ArgsType, Field } from 'type-graphql';
import { IsCivilCaseNumber } from '../validation/court-rules';

@ArgsType()
export class JudicialConfirmationCaseNoArgs {
  @Field({ description: 'Case number (案号), e.g. （2026）京0115民特78号.' })
  @IsCivilCaseNumber(['民特'])
  caseNo: string;
}
