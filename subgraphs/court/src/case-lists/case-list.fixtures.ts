import { Department, Role } from '@labour/shared';
import { TEST_AS_OF, type RunningSubgraph } from '@labour/testing/subgraph-harness';
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

/** The case numbers of `rows` that `keep` holds for, in the lists' order (a non-empty, proper part of the rows). */
export function expectedOf<R>(rows: readonly R[], date: keyof R, key: keyof R, keep: (row: R) => boolean): string[] {
  const kept = newestFirst(rows.filter(keep), date, key);
  // A filter test that matches nothing or everything would prove nothing about the filter.
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(rows.length);
  return kept;
}

/** A list query of `list` (`lawsuits`) with the filter type `filterType`, selecting `selection` of each node. */
export const listQuery = (list: string, filterType: string, selection: string) =>
  `query ($filter: ${filterType}, $first: Int, $after: String) {
    ${list}(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${selection} } }
  }`;

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Array<Record<string, string>>;
}

export interface Walked {
  keys: string[];
  totals: number[];
  pages: number;
}

/** Every page of a list for a filter, `first` at a time: the keys in order, each page's totalCount. */
export async function walk(
  running: RunningSubgraph,
  list: string,
  filterType: string,
  key: string,
  filter: object | null,
  first: number,
  headers: Record<string, string> = courtCaseworker,
): Promise<Walked> {
  const query = listQuery(list, filterType, key);
  const walked: Walked = { keys: [], totals: [], pages: 0 };
  let after: string | null = null;
  for (;;) {
    const { body } = await running.query<Record<string, Page>>(query, { filter, first, after }, headers);
    expect(body.errors).toBeUndefined();
    const page: Page = body.data![list]!;
    walked.pages += 1;
    walked.keys.push(...page.nodes.map((node) => node[key]!));
    walked.totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return walked;
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

/** The errors of a response as `path code field`, for comparing refusals. */
export const errorsOf = (errors: Array<{ path?: readonly unknown[]; extensions?: Record<string, unknown> }> | undefined) =>
  (errors ?? []).map((e) => [e.path?.join('.') ?? null, e.extensions?.['code'], e.extensions?.['field'] ?? null]);
