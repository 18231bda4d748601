import { clockOn } from '@labour/shared';
import type { RunningSubgraph } from '@labour/testing/subgraph-harness';

/**
 * "Today" of the list tests: nine days after the demo world's day (TEST_AS_OF), so that the world's last
 * applications are past their deadlines and `overdue` has cases on both sides (on TEST_AS_OF none is late yet).
 */
export const LIST_TODAY = '2026-11-29';
export const LIST_CLOCK = clockOn(LIST_TODAY);

/** The case numbers of `rows` in a list's order: newest first by `date`, same-day ones by case number. */
export function newestFirst<R extends { caseNo: string }>(rows: readonly R[], date: (row: R) => string): string[] {
  return [...rows]
    .sort((a, b) => (date(a) === date(b) ? (a.caseNo < b.caseNo ? -1 : 1) : date(a) < date(b) ? 1 : -1))
    .map((row) => row.caseNo);
}

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Array<{ caseNo: string }>;
}

/**
 * Every page of a list query (`$filter`, `$first`, `$after`; the connection at `data[field]`) in pages of
 * `first`: the case numbers in the order given, after checking that each page but the last is full, that
 * every page has the same `totalCount` and that it is the number walked.
 */
export async function walkPages(
  running: RunningSubgraph,
  query: string,
  field: string,
  filter: Record<string, unknown> | null,
  first: number,
  headers?: Record<string, string>,
): Promise<string[]> {
  const numbers: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const { body } = await running.query(query, { filter, first, after }, headers);
    expect(body.errors).toBeUndefined();
    const page = body.data[field] as Page;
    numbers.push(...page.nodes.map((node) => node.caseNo));
    totals.add(page.totalCount);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  expect([...totals]).toEqual([numbers.length]);
  return numbers;
}
