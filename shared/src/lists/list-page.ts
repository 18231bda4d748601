import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { Department, Principal } from '../context/principal';
import type { Connection } from '../pagination/connection';
import { PAGE_BOUND, sizeWithin } from '../pagination/list-bound';
import { refuseUnreadableFilters } from './filter-access';
import { filterUses } from './filter-uses';
import { newestFirstPage, type NewestFirst } from './newest-first-page';

/**
 * What one department's list of one kind of record is: its entity and GraphQL type, its order, the field of
 * that type whose value each filter tests (what a caller learns of every record by using it), and the SQL
 * condition of each filter. `filterFields` names a field for every filter of the input, so that a filter
 * added to the input without one does not compile.
 */
export interface RecordList<T extends object, F extends object> {
  readonly entity: EntityClass<T>;
  /** The listed GraphQL type, whose fields' data classes decide who may filter on them. */
  readonly typeName: string;
  /** The department whose records these are: its staff may filter on every field. */
  readonly provider: Department;
  readonly order: NewestFirst<T>;
  readonly filterFields: Readonly<Record<keyof F & string, string>>;
  /** The SQL condition of each filter set, ANDed; `today` is the request's day (for `overdue`). */
  conditions(filter: F, today: string): Array<FilterQuery<T>>;
}

/** The arguments of a list (ListArgs): `filter`, `first`, `after`. */
export interface RecordListArgs<F extends object> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

/** Who asks for a list, and on which day: what decides which filters run and what `overdue` means. */
export interface ListCaller {
  schema: GraphQLSchema;
  principal: Principal | null;
  today: string;
}

/**
 * A page of `list`'s records that the filter matches, in the list's order (newestFirstPage). The page size is
 * checked first (BAD_USER_INPUT naming `first`), then a filter on a field the caller may not read in full on
 * every record is refused (FORBIDDEN naming the argument, refuseUnreadableFilters): both before any statement
 * runs. Every condition runs in SQL. Two statements: the page and the count.
 */
export async function listPage<T extends object, F extends object>(
  em: EntityManager,
  list: RecordList<T, F>,
  args: RecordListArgs<F>,
  caller: ListCaller,
): Promise<Connection<T>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  refuseUnreadableFilters(caller.schema, list.typeName, list.provider, caller.principal, filterUses(args.filter, list.filterFields));
  const conditions = list.conditions(args.filter ?? ({} as F), caller.today);
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>;
  return newestFirstPage(em, list.entity, where, list.order, first, args.after);
}
