import { IsUscc } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class CreditCodeArgs {
  @Field({ description: 'Unified social credit code (统一社会信用代码).' })
  @IsUscc()
  creditCode: string;
}
