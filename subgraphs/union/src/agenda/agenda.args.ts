import { DateScalar } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class SuggestedAgendaArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many enterprises to suggest, highest score first (1 to 200) (建议数量).' })
  limit: number;

  @Field(() => DateScalar, { nullable: true, description: 'Compute as of this day, e.g. the meeting\'s date (统计截止日); today in China when omitted.' })
  asOf?: string | null;
}
