import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ArbitrationCaseNoArgs {
  @Field({ description: 'Case number, e.g. 京开劳人仲字〔2026〕第0123号.' })
  @IsCaseNumber('arbitration')
  caseNo: string;
}
