import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MediationCaseNoArgs {
  @Field({ description: 'Case number, e.g. 京开工调字〔2026〕第0123号.' })
  @IsCaseNumber('unionMediation')
  caseNo: string;
}
