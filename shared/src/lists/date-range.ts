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

/** The `{ column: range }` condition of each date range a filter sets on `columns`, refusing a range that ends before it starts. */
export function dateRangeConditions<F extends object, C extends keyof F & string>(
  filter: F,
  columns: readonly C[],
): Array<Record<string, object>> {
  const conditions: Array<Record<string, object>> = [];
  for (const column of columns) {
    const range = dateRangeCondition(filter[column] as DateRange | null | undefined, `filter.${column}`);
    if (range) conditions.push({ [column]: range });
  }
  return conditions;
}
