import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class PeopleMediationCaseNoArgs {
  @Field({ description: 'Case number, e.g. 京开人调〔2026〕第0123号.' })
  @IsCaseNumber('peopleMediation')
  caseNo: string;
}
