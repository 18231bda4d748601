import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { Department, IsUscc, recordList, relationConditions, type NewestFirst, type RecordList } from '@labour/shared';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/**
 * What the bureau's root lists (arbitrationCases, laborInspections, wageArrearsAlerts, layoffReports)
 * share beyond the shared lists' filters: the conditions on the record's enterprise, whose district the
 * bureau's own enterprise register holds.
 */

/** The filters on a record's enterprise, as its district and its credit code. */
export interface EnterpriseFilter {
  district?: string | null;
  enterprise?: string | null;
}

/**
 * The bureau's list of records about one enterprise each, reached by `relation` (`enterprise`, `respondent`):
 * besides its own filters, the district and enterprise filters test that relation (one join on the register).
 */
export function enterpriseRecordList<T extends object, F extends EnterpriseFilter & object>(
  entity: EntityClass<T>,
  relation: keyof T & string,
  filters: {
    readonly order: NewestFirst<T>;
    readonly filterFields: Readonly<Record<Exclude<keyof F & string, keyof EnterpriseFilter>, string>>;
    readonly conditions: (filter: F, today: string) => Array<FilterQuery<T>>;
  },
): RecordList<T, F> {
  return recordList(entity, Department.HR_BUREAU, {
    order: filters.order,
    filterFields: { ...filters.filterFields, district: relation, enterprise: relation } as RecordList<T, F>['filterFields'],
    conditions: (filter, today) => [
      ...(relationConditions(relation, filter, { district: 'district', enterprise: 'creditCode' }) as Array<FilterQuery<T>>),
      ...filters.conditions(filter, today),
    ],
  });
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
