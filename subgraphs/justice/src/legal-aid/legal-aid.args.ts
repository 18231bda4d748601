import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class LegalAidCaseNoArgs {
  @Field({ description: 'Case number, e.g. 京开法援〔2026〕第0123号.' })
  @IsCaseNumber('legalAid')
  caseNo: string;
}
