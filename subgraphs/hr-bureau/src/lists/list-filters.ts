import { IsUscc, relationConditions } from '@labour/shared';
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

/** The conditions of the enterprise filters on the record's relation to its enterprise (`enterprise`, `respondent`). */
export function enterpriseConditions(relation: string, filter: EnterpriseFilter) {
  return relationConditions(relation, filter, { district: 'district', enterprise: 'creditCode' });
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
