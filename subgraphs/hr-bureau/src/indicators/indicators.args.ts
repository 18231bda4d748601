import { ArgsType, Field } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';

@ArgsType()
export class IndicatorsArgs {
  @Field({ description: 'Period (统计期): a year `2026`, a quarter `2026-Q2` or a month `2026-05`.' })
  period: string;

  @Field(() => String, { nullable: true, description: 'Only this district or town (区/街镇, exact); the whole zone when left out.' })
  @IsOptional()
  @MaxLength(50, { message: 'maxLength' })
  district?: string | null;
}
