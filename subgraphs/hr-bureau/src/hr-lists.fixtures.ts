import type { RunningSubgraph } from '@labour/testing/subgraph-harness';

/** Test support for the root lists (arbitrationCases, laborInspections, …): their order, walking their pages, refusals. */

/** The keys of `records` in the order of a list: newest first by `date`, same-day records by key. */
export function newestFirst<T>(records: readonly T[], date: (r: T) => string, key: (r: T) => string): string[] {
  return [...records].sort((a, b) => (date(a) === date(b) ? (key(a) < key(b) ? -1 : 1) : date(a) < date(b) ? 1 : -1)).map(key);
}

/** The operation of one list with its filter, `first` and `after`; `selection` is what each node selects. */
export function listQuery(list: string, filterType: string, selection: string): string {
  return `query ($filter: ${filterType}, $first: Int!, $after: String) {
    ${list}(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${selection} } }
  }`;
}

export interface ListPage {
  nodes: Array<Record<string, unknown>>;
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** Every page of a list, following `endCursor`: the keys in the order given, each page's totalCount, the last page. */
export async function walkList(
  hr: RunningSubgraph,
  list: string,
  query: string,
  key: string,
  filter: object | null,
  first: number,
  headers?: Record<string, string>,
): Promise<{ keys: string[]; totals: number[]; pages: number; last: ListPage }> {
  const keys: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const response = await hr.query(query, { filter, first, after }, headers);
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data[list] as ListPage;
    keys.push(...page.nodes.map((node) => node[key] as string));
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { keys, totals, pages, last: page };
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}
