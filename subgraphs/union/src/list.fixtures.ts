import type { RunningSubgraph } from '@labour/testing/subgraph-harness';

/** Records in a list's order: newest first by `date`, records of the same day by `key` ascending. */
export function newestFirst<T>(rows: readonly T[], date: keyof T, key: keyof T): T[] {
  const text = (row: T, property: keyof T) => String(row[property]);
  return [...rows].sort((a, b) => {
    if (text(a, date) !== text(b, date)) return text(a, date) < text(b, date) ? 1 : -1;
    return text(a, key) < text(b, key) ? -1 : text(a, key) > text(b, key) ? 1 : 0;
  });
}

export interface Page<N> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: N[];
}

/** Every page of a list in turn, `first` at a time: the keys in the order given, each page's size and total. */
export async function walkPages(
  running: Pick<RunningSubgraph, 'query'>,
  query: string,
  list: string,
  key: string,
  filter: object,
  first: number,
): Promise<{ keys: string[]; sizes: number[]; totals: number[] }> {
  const keys: string[] = [];
  const sizes: number[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const { body } = await running.query(query, { filter, first, after });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const page = body.data[list] as Page<Record<string, string>>;
    keys.push(...page.nodes.map((node) => node[key]!));
    sizes.push(page.nodes.length);
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { keys, sizes, totals };
    if (pages > 1000) throw new Error('the list does not end');
    after = page.pageInfo.endCursor;
  }
}
