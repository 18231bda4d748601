import { Filing, filings, useFilings } from '@labour/testing/filings';
import { encodeCursor } from '../pagination/connection';
import type { Connection } from '../pagination/connection';
import { newestFirstPage } from './newest-first-page';

// Days with several filings each, so that pages end in the middle of a day.
const { all: FILINGS, newestFirst: NEWEST_FIRST } = filings(
  23,
  (i) => `2026-0${1 + (i % 4)}-1${i % 3}`,
  (i) => (i % 5 === 0 ? 'CLOSED' : 'OPEN'),
);
const orm = useFilings('newest_first_page', FILINGS);

const ORDER = { date: 'filedOn', key: 'filingNo' } as const;

async function allPages(where: object, first: number): Promise<{ numbers: string[]; totals: number[]; pages: number }> {
  const numbers: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Connection<Filing> = await newestFirstPage(orm().em.fork(), Filing, where, ORDER, first, after);
    pages += 1;
    numbers.push(...page.nodes.map((f) => f.filingNo));
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { numbers, totals, pages };
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

describe('newestFirstPage', () => {
  it.each([1, 4, 7, 23, 50])('walks every record once, newest first and same-day records by key, in pages of %i', async (first) => {
    const { numbers, totals, pages } = await allPages({}, first);
    expect(numbers).toEqual(NEWEST_FIRST.map((f) => f.filingNo));
    expect(new Set(totals)).toEqual(new Set([FILINGS.length]));
    expect(pages).toBe(Math.max(1, Math.ceil(FILINGS.length / first)));
  });

  it('pages within a filter, and counts what the filter matches', async () => {
    const { numbers, totals } = await allPages({ status: 'CLOSED' }, 2);
    const closed = NEWEST_FIRST.filter((f) => f.status === 'CLOSED').map((f) => f.filingNo);
    expect(numbers).toEqual(closed);
    expect(totals.every((total) => total === closed.length)).toBe(true);
  });

  it('gives an empty page with no cursor when nothing matches', async () => {
    const page = await newestFirstPage(orm().em.fork(), Filing, { status: 'NONE' }, ORDER, 5, null);
    expect(page).toEqual({ nodes: [], totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false } });
  });

  it.each([
    ['text that is no cursor', 'not a cursor!'],
    ['a key without its day', encodeCursor(JSON.stringify(['F001']))],
    ['a day that is no date', encodeCursor(JSON.stringify(['yesterday', 'F001']))],
    ['a cursor of a key-ordered list', encodeCursor('F001')],
  ])('refuses %s as `after`, naming the argument', async (_what, cursor) => {
    await expect(newestFirstPage(orm().em.fork(), Filing, {}, ORDER, 5, cursor)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
