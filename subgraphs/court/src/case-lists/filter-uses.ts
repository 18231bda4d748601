import type { FilterUse } from '@labour/shared';

/**
 * The filters a caller set on a list (`filter.<name>` for each one that is not null), each with the field of
 * the listed type whose value it tests: what `refuseUnreadableFilters` decides on. `fields` maps every filter
 * of the input type, so that a filter added to the input without saying what it reveals fails to compile.
 */
export function filterUses<F extends object>(
  filter: F | null | undefined,
  fields: Readonly<Record<keyof F & string, string>>,
): FilterUse[] {
  if (!filter) return [];
  return (Object.keys(fields) as Array<keyof F & string>)
    .filter((name) => filter[name] !== null && filter[name] !== undefined)
    .map((name) => ({ argument: `filter.${name}`, field: fields[name] }));
}
