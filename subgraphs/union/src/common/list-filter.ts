import { boundArgOptions, Department, PAGE_BOUND, refuseUnreadableFilters, type FilterUse, type Principal } from '@labour/shared';
import { IsOptional, ValidateNested } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { ArgsType, Field, Int, type ClassType } from 'type-graphql';

/** The most dispute numbers a list's `disputeNos` filter takes: one page of another department's list. */
export const MAX_DISPUTE_NOS = 100;

/** The arguments of a union list, `(filter: <Type>Filter, first: Int = 20, after: String)`; `what` names its records. */
export function UnionListArgs<F extends object>(filterType: ClassType<F>, what: string) {
  @ArgsType()
  class ListArgs {
    @Field(() => filterType, { nullable: true, description: `Which ${what} to list; every one when left out.` })
    @IsOptional()
    @ValidateNested()
    filter?: F | null;

    @Field(() => Int, boundArgOptions(PAGE_BOUND, what))
    first: number;

    @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' })
    after?: string | null;
  }
  return ListArgs;
}

/**
 * The filters a caller set (those not left out or null), each with the field of the listed type whose
 * value it tests, and refuses (FORBIDDEN naming `filter.<name>`) any the caller may not run: see
 * refuseUnreadableFilters. `fields` maps every filter of the input to its field, so a new filter cannot be
 * added without saying what it reveals.
 */
export function refuseUnreadableUnionFilters<F extends object>(
  schema: GraphQLSchema,
  typeName: string,
  principal: Principal | null,
  filter: F | null | undefined,
  fields: Record<keyof F & string, string>,
): void {
  const used: FilterUse[] = [];
  for (const [name, field] of Object.entries(fields) as Array<[keyof F & string, string]>) {
    const value = filter?.[name];
    if (value !== undefined && value !== null) used.push({ argument: `filter.${name}`, field });
  }
  refuseUnreadableFilters(schema, typeName, Department.UNION, principal, used);
}
