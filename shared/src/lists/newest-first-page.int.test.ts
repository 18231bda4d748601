import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { createOrm } from '../db/create-orm';
import { encodeCursor } from '../pagination/connection';
import type { Connection } from '../pagination/connection';
import { newestFirstPage } from './newest-first-page';

@Entity({ tableName: 'test_newest_first_filing' })
class Filing {
  @PrimaryKey({ type: 'string', length: 10 })
  filingNo!: string;

  @Property({ type: 'date' })
  filedOn!: string;

  @Property({ type: 'string', length: 10 })
  status!: string;
}

// Days with several filings each, so that pages end in the middle of a day.
const FILINGS = Array.from({ length: 23 }, (_, i) => ({
  filingNo: `F${String(i).padStart(3, '0')}`,
  filedOn: `2026-0${1 + (i % 4)}-1${i % 3}`,
  status: i % 5 === 0 ? 'CLOSED' : 'OPEN',
}));
const NEWEST_FIRST = [...FILINGS].sort((a, b) =>
  a.filedOn === b.filedOn ? (a.filingNo < b.filingNo ? -1 : 1) : a.filedOn < b.filedOn ? 1 : -1,
);

let database: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  database = await createTestDatabase('newest_first_page');
  ({ orm } = await createOrm({ databaseUrl: database.url, entities: [Filing], migrations: [], logger: pino({ level: 'silent' }) }));
  await orm.schema.create();
  const em = orm.em.fork();
  for (const filing of FILINGS) em.create(Filing, filing);
  await em.flush();
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

const ORDER = { date: 'filedOn', key: 'filingNo' } as const;

async function allPages(where: object, first: number): Promise<{ numbers: string[]; totals: number[]; pages: number }> {
  const numbers: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Connection<Filing> = await newestFirstPage(orm.em.fork(), Filing, where, ORDER, first, after);
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
    const page = await newestFirstPage(orm.em.fork(), Filing, { status: 'NONE' }, ORDER, 5, null);
    expect(page).toEqual({ nodes: [], totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false } });
  });

  it.each([
    ['text that is no cursor', 'not a cursor!'],
    ['a key without its day', encodeCursor(JSON.stringify(['F001']))],
    ['a day that is no date', encodeCursor(JSON.stringify(['yesterday', 'F001']))],
    ['a cursor of a key-ordered list', encodeCursor('F001')],
  ])('refuses %s as `after`, naming the argument', async (_what, cursor) => {
    await expect(newestFirstPage(orm.em.fork(), Filing, {}, ORDER, 5, cursor)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
