import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Department } from '../context/principal';
import type { ListCaller, RecordList } from './list-page';
import type { NewestFirst } from './newest-first-page';

/** A condition on any record of a list, whose columns the caller names (typed by the list's `RecordList`). */
type Condition = Record<string, unknown>;

/** The filters of `columns` that are set (a value other than null), each with its column and value. */
function setFilters<F extends object>(filter: F, columns: { readonly [K in keyof F]?: string }): Array<[string, unknown]> {
  return (Object.keys(columns) as Array<keyof F & string>)
    .filter((name) => filter[name] != null)
    .map((name) => [columns[name]!, filter[name]]);
}

/** For each filter of `columns` set to values (`status: [..]`, `disputeNos`): its column holds any of them. */
export function anyOfConditions<F extends object>(filter: F, columns: { readonly [K in keyof F]?: string }): Condition[] {
  return setFilters(filter, columns).map(([column, values]) => ({ [column]: { $in: values } }));
}

/** For each filter of `columns` set: its column is the value. */
export function equalConditions<F extends object>(filter: F, columns: { readonly [K in keyof F]?: string }): Condition[] {
  return setFilters(filter, columns).map(([column, value]) => ({ [column]: value }));
}

/** For each filter of `columns` set (`amountAtLeast`): its column is the value or more. */
export function atLeastConditions<F extends object>(filter: F, columns: { readonly [K in keyof F]?: string }): Condition[] {
  return setFilters(filter, columns).map(([column, value]) => ({ [column]: { $gte: value } }));
}

/** The filters of `columns` that are set, as one condition on the record's `relation` (a join): its columns hold the values. */
export function relationConditions<F extends object>(
  relation: string,
  filter: F,
  columns: { readonly [K in keyof F]?: string },
): Condition[] {
  const set = setFilters(filter, columns);
  return set.length ? [{ [relation]: Object.fromEntries(set) }] : [];
}

/** A yes/no filter: the condition of its answer, none when it is not set. */
export function yesOrNoCondition(value: boolean | null | undefined, yes: Condition, no: Condition): Condition[] {
  return value == null ? [] : [value ? yes : no];
}

/**
 * `overdue` of a record whose deadline `column` is kept only while it runs (cleared when the record is done):
 * the deadline is before the request's day. The same rule as the `overdue` field (isOverdue).
 */
export function pastDueCondition(column: string, overdue: boolean | null | undefined, today: string): Condition[] {
  return yesOrNoCondition(overdue, { [column]: { $lt: today } }, { $or: [{ [column]: null }, { [column]: { $gte: today } }] });
}

/**
 * `overdue` of a case whose `dueOn` stays once it is closed: not yet `closed` (its `status`) and due before the
 * request's day. The same rule as the case's `overdue` field.
 */
export function openPastDueCondition(closed: string, overdue: boolean | null | undefined, today: string): Condition[] {
  return yesOrNoCondition(
    overdue,
    { status: { $ne: closed }, dueOn: { $lt: today } },
    { $or: [{ status: closed }, { dueOn: { $gte: today } }] },
  );
}

/**
 * The entries of a list's `filterFields` for the filters that test the record's field of their own name
 * (`status: 'status'`): spread among the entries of the filters that test a field of another name.
 */
export function sameNamedFields<N extends string>(...names: N[]): { readonly [K in N]: K } {
  return Object.fromEntries(names.map((name) => [name, name])) as { [K in N]: K };
}

/** What a list adds to its entity and department: its order and each filter's field and SQL condition. */
export interface RecordListFilters<T extends object, F extends object> {
  readonly order: NewestFirst<T>;
  readonly filterFields: RecordList<T, F>['filterFields'];
  readonly conditions: (filter: F, today: ListCaller['today']) => Array<FilterQuery<T>>;
}

/** One department's list of one kind of record (RecordList), whose GraphQL type is named as its entity. */
export function recordList<T extends object, F extends object>(
  entity: EntityClass<T>,
  provider: Department,
  filters: RecordListFilters<T, F>,
): RecordList<T, F> {
  return { entity, typeName: entity.name, provider, ...filters };
}
