import { IsCaseNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class EnforcementCaseNoArgs {
  @Field({ description: 'Case number (案号), e.g. （2026）京0115执567号.' })
  @IsCaseNumber('courtEnforcement')
  caseNo: string;
}
