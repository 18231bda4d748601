import type { FilterUse } from './filter-access';

/** The most dispute numbers one list query follows (`filter.disputeNos`): a page of another department's list. */
export const DISPUTE_NOS_CAP = 100;

/** The rule of a list filter that takes several values (`status: [...]`): an empty list would match nothing. */
export const AT_LEAST_ONE = { message: 'must name at least one value: leave the filter out to take every value' };

/**
 * The filters a caller set on a list (a value other than null), each with the field of the listed type whose
 * value it tests: what `refuseUnreadableFilters` checks before any SQL runs. `fields` names that field for
 * every filter of the input, so that a filter added to the input without one does not compile.
 */
export function filterUses<F extends object>(filter: F | null | undefined, fields: Record<keyof F & string, string>): FilterUse[] {
  if (!filter) return [];
  return (Object.keys(fields) as Array<keyof F & string>)
    .filter((name) => filter[name] != null)
    .map((name) => ({ argument: `filter.${name}`, field: fields[name] }));
}
