import { Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';

/** The day the demo world is drawn as of, and the subgraph's "today". */
export const TODAY = TEST_AS_OF;
export const YEAR = TODAY.slice(0, 4);

export const courtCaseworker = asPrincipal(Department.COURT, Role.CASEWORKER);
export const courtAnalyst = asPrincipal(Department.COURT, Role.ANALYST);
export const hrCaseworker = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
export const unionCaseworker = asPrincipal(Department.UNION, Role.CASEWORKER);

/** The keys of `rows`, in the lists' order: newest first by `date`, the same day by `key` ascending. */
export function newestFirst<R>(rows: readonly R[], date: keyof R, key: keyof R): string[] {
  return [...rows]
    .sort((a, b) => {
      const [da, db, ka, kb] = [String(a[date]), String(b[date]), String(a[key]), String(b[key])];
      if (da !== db) return da < db ? 1 : -1;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    })
    .map((row) => String(row[key]));
}

/** A list query of `list` (`lawsuits`) with the filter type `filterType`, selecting `selection` of each node. */
export const listQuery = (list: string, filterType: string, selection: string) =>
  `query ($filter: ${filterType}, $first: Int, $after: String) {
    ${list}(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${selection} } }
  }`;

/** The errors of a response as `path code field`, for comparing refusals. */
export const errorsOf = (errors: Array<{ path?: readonly unknown[]; extensions?: Record<string, unknown> }> | undefined) =>
  (errors ?? []).map((e) => [e.path?.join('.') ?? null, e.extensions?.['code'], e.extensions?.['field'] ?? null]);
