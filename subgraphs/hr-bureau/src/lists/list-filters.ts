import { dateRangeCondition, IsUscc, type DateRange, type FilterUse } from '@labour/shared';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/**
 * What the bureau's root lists (arbitrationCases, laborInspections, wageArrearsAlerts, layoffReports)
 * share: the filters a caller set, each named with the field it reveals, and the conditions on the
 * record's enterprise.
 */

/** The filters a caller set (not null), each as `filter.<name>` with the field of the listed type whose value it tests. */
export function filtersUsed<F extends object>(filter: F | null | undefined, fieldOf: Record<keyof F & string, string>): FilterUse[] {
  return Object.entries(filter ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name]) => {
      const field = fieldOf[name as keyof F & string];
      // A filter without a field would run unchecked: fail loudly instead.
      if (!field) throw new Error(`filter.${name} names no field it reveals`);
      return { argument: `filter.${name}`, field };
    });
}

/** The `{ column: range }` condition of each date range the filter sets, refusing a range that ends before it starts. */
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

/** The filters on a record's enterprise, as its district and its credit code. */
export interface EnterpriseFilter {
  district?: string | null;
  enterprise?: string | null;
}

/** The conditions of the enterprise filters on the record's relation to its enterprise (`enterprise`, `respondent`). */
export function enterpriseConditions(relation: string, filter: EnterpriseFilter): Array<Record<string, object>> {
  const enterprise: Record<string, string> = {};
  if (filter.district) enterprise['district'] = filter.district;
  if (filter.enterprise) enterprise['creditCode'] = filter.enterprise;
  return Object.keys(enterprise).length ? [{ [relation]: enterprise }] : [];
}

/** The district and enterprise filters of a list of records about one enterprise each: a base of its filter input type. */
// Registered as an input type so that the filters extending it inherit its fields; no field takes it itself.
@InputType('EnterpriseListFilter', { description: 'Filters on the enterprise a record is about.' })
export class EnterpriseListFilter implements EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'Only records of an enterprise of this district or town (exact, 所属街镇).' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Only records of the enterprise of this credit code (统一社会信用代码).' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;
}
