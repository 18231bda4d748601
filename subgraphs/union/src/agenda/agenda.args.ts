import { boundArgOptions, DateScalar, listBound } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';

/** How many enterprises the suggested agenda names: a meeting discusses a handful. */
export const AGENDA_BOUND = listBound(20, 200, 'limit');

@ArgsType()
export class SuggestedAgendaArgs {
  @Field(() => Int, boundArgOptions(AGENDA_BOUND, 'enterprises (建议数量)'))
  limit: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Compute as of this day, e.g. the meeting's date (统计截止日); today in China when omitted.",
  })
  asOf?: string | null;
}
