import { Field, InputType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { DateScalar } from '../scalars';

@InputType({ description: 'A span of calendar days, both ends included; either end may be left open.' })
export class DateRange {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the span (inclusive); open when omitted.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the span (inclusive); open when omitted.' })
  to?: string | null;
}

/** The SQL condition of a date column for a range: `{ $gte, $lte }`, or none when both ends are open. */
export function dateRangeCondition(range: DateRange | null | undefined, argument: string): { $gte?: string; $lte?: string } | undefined {
  if (!range) return undefined;
  const { from, to } = range;
  if (from && to && from > to)
    throw new BadUserInputError({ field: `${argument}.to`, rule: `must not be before ${argument}.from (${from})` });
  if (!from && !to) return undefined;
  return { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
}
