import { generateWorld, type World } from '@labour/demo-world';
import { refusalOf } from './refusals';
import { TEST_AS_OF, type RunningSubgraph } from './subgraph-harness';

type Caller = Record<string, string>;
type Filter = Record<string, unknown>;

export interface ListPage {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Array<Record<string, unknown>>;
}

/** A list query of `list` (`lawsuits`) with the filter type `filterType`, selecting `selection` of each node. */
export const listQuery = (list: string, filterType: string, selection: string): string =>
  `query ($filter: ${filterType}, $first: Int, $after: String) {
    ${list}(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ${selection} } }
  }`;

/** The keys of `rows` in a list's order: newest first by `date`, the same day by `key` ascending. */
export function newestFirst<R>(rows: readonly R[], date: keyof R, key: keyof R): string[] {
  return [...rows]
    .sort((a, b) => {
      const [da, db, ka, kb] = [String(a[date]), String(b[date]), String(a[key]), String(b[key])];
      if (da !== db) return da < db ? 1 : -1;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    })
    .map((row) => String(row[key]));
}

/**
 * Every page of `list` for a filter, `first` at a time, following `endCursor`, each page but the last full: the
 * keys in the order given, each page's totalCount, how many pages and the last one.
 */
export async function walkList(
  running: RunningSubgraph,
  list: string,
  query: string,
  key: string,
  filter: object | null,
  first: number,
  headers?: Caller,
): Promise<{ keys: string[]; totals: number[]; pages: number; last: ListPage }> {
  const keys: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const { body } = await running.query(query, { filter, first, after }, headers);
    expect(body.errors).toBeUndefined();
    const page = body.data[list] as ListPage;
    keys.push(...page.nodes.map((node) => node[key] as string));
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { keys, totals, pages, last: page };
    expect(page.nodes).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

let world: World | undefined;
/** The world a subgraph started with `demo: true` loads: what its lists must answer. */
export const demoWorld = (): World => (world ??= generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }));

/** Callers a test runs as, each named for the test's title. */
type Callers = Array<[who: string, headers: Caller]>;

/**
 * One paged list of a kind of case (`lawsuits`, `arbitrationCases` …) as the demo world fills it: every such list
 * pages newest first by one date, same-day records by their key, takes the same paging arguments and filters each
 * caller only on what it may read of every record.
 */
export interface CaseList<R> {
  running: RunningSubgraph;
  /** The root field, and the input type of its `filter`: `…Filter` after the type of its records. */
  list: string;
  filterType: string;
  /** The records the subgraph holds, in any order; read only once the tests run. */
  rows: () => readonly R[];
  /** Records the world lacks (each named once among `rows`), created by `mutation` (`$input`) before the tests. */
  seed?: { mutation: string; inputs: ReadonlyArray<Partial<Record<keyof R, unknown>>> };
  /** What orders the list: the date (newest first), then the key (ascending) that names each record. */
  date: keyof R & string;
  key: keyof R & string;
  /**
   * Each filter with the records it keeps, each a proper part of the world; a filter may be computed once the
   * tests run. The walk is made as the caller given, else `filterCaller`, else the subgraph's own caseworker.
   */
  filters: Array<[name: string, filter: Filter | (() => Filter), keep: (row: R) => boolean, caller?: Caller]>;
  filterCaller?: Caller;
  /** Filters that match nothing, each giving the empty page. */
  none?: Filter[];
  /** The walks in small pages (default every record, 7 at a time), each over more than one page. */
  walks?: Array<{ first: number; filter?: Filter; keep?: (row: R) => boolean }>;
  /** Filters refused as BAD_USER_INPUT naming the argument (and, where given, the rule). */
  badFilters: Array<[what: string, filter: Filter, field: string, rule?: unknown]>;
  /**
   * Statements a page costs the subgraph for each page size, as its own caseworker: each `[what, selection, statements]`
   * for `filter`, or for the one the row names; with `keep`, the world's count of what `filter` keeps must be the total.
   */
  statements: {
    filter?: Filter;
    keep?: (row: R) => boolean;
    firsts: number[];
    costs: Array<[what: string, selection: string, statements: number, filter?: Filter]>;
  };
  /** A filter (its argument `field`) on the SHARED field `on`, refused as FORBIDDEN before any statement to each caller. */
  sharedFilter?: { filter: Filter; field: string; on: string; callers: Callers };
  /**
   * PUBLIC filters open to the callers named, who read each record's `shared` fields as null and FORBIDDEN, and
   * its `visible` ones as the world has them.
   */
  publicFilters?: { filter: Filter; keep: (row: R) => boolean; shared: string[]; visible?: (row: R) => object; callers: Callers };
}

/** The page arguments every such list refuses, with the argument each refusal names and its rule. */
const BAD_PAGES: Array<[what: string, variables: Filter, field: string, rule: string]> = [
  ['text that is no cursor', { first: 5, after: 'not-a-cursor' }, 'after', 'is not a cursor this list gave out'],
  ['a cursor it did not give out', { first: 5, after: 'bm90IGEgY3Vyc29y' }, 'after', 'is not a cursor this list gave out'],
  ['a cursor it did not give out, the page size left out', { after: 'bm90IGEgY3Vyc29y' }, 'after', 'is not a cursor this list gave out'],
  ['more than 100 a page', { first: 101 }, 'first', 'must be between 1 and 100'],
  ['a page of none', { first: 0 }, 'first', 'must be between 1 and 100'],
];

/** The tests every paged list of cases passes: its filters, pages, page arguments, statements and who filters on what. */
export function describeCaseList<R>(spec: CaseList<R>): void {
  const { running, list, filterType, key } = spec;
  const typeName = filterType.replace(/Filter$/, '');
  const query = (selection: string) => listQuery(list, filterType, selection);
  const text = (row: R, field: keyof R) => String(row[field]);
  const expected = (keep: (row: R) => boolean): string[] => newestFirst(spec.rows().filter(keep), spec.date, key);
  const every = () => true;

  const seed = spec.seed;
  if (seed) {
    beforeAll(async () => {
      for (const input of seed.inputs) {
        expect(spec.rows().filter((row) => row[key] === input[key])).toHaveLength(1);
        const { body } = await running.query(seed.mutation, { input });
        expect(body.errors).toBeUndefined();
      }
    });
  }

  const walk = (filter: Filter | null, first: number, headers?: Caller) => walkList(running, list, query(key), key, filter, first, headers);

  describe(`${list}: filters`, () => {
    const filters = spec.filters.map(([name, filter, keep, caller]) => ({ name, filter, keep, caller }));
    it.each(filters)('$name gives exactly the records the world has, newest first', async ({ filter, keep, caller }) => {
      const want = expected(keep);
      // Each filter picks some records and leaves others: a filter that matched all or none would prove little.
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(spec.rows().length);
      const { keys, totals } = await walk(typeof filter === 'function' ? filter() : filter, 100, caller ?? spec.filterCaller);
      expect(keys).toEqual(want);
      expect(new Set(totals)).toEqual(new Set([want.length]));
    });

    it('gives every record without a filter or with an empty one', async () => {
      expect((await walk(null, 100)).keys).toEqual(expected(every));
      expect((await walk({}, 100)).keys).toEqual(expected(every));
    });

    if (spec.none) {
      it.each(spec.none)('gives an empty page for %o, which matches nothing', async (none) => {
        const { body } = await running.query(query(key), { filter: none, first: 5 });
        expect(body.data[list]).toEqual({ totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, nodes: [] });
      });
    }
  });

  describe(`${list}: pages`, () => {
    it.each(spec.walks ?? [{ first: 7 }])(
      'walks the records once in pages of $first, newest first, same-day ones by key, the same total on every page',
      async ({ first, filter, keep }) => {
        const want = expected(keep ?? every);
        const { keys, totals, pages } = await walk(filter ?? null, first);
        expect(keys).toEqual(want);
        expect(new Set(keys).size).toBe(want.length);
        expect(new Set(totals)).toEqual(new Set([want.length]));
        expect(pages).toBe(Math.ceil(want.length / first));
        expect(pages).toBeGreaterThan(1);
      },
    );

    it('gives the newest 20 when `first` is left out', async () => {
      const { body } = await running.query(`{ ${list} { totalCount nodes { ${key} } } }`);
      expect(body.data[list].nodes.map((node: Record<string, unknown>) => node[key])).toEqual(expected(every).slice(0, 20));
      expect(body.data[list].totalCount).toBe(spec.rows().length);
    });

    it.each([...BAD_PAGES, ...spec.badFilters.map(([what, filter, field, rule]) => [what, { filter, first: 5 }, field, rule] as const)])(
      'refuses %s as BAD_USER_INPUT naming the argument, before any statement',
      async (_what, variables, field, rule) => {
        running.subgraph.queries.reset();
        const { body } = await running.query(query(key), variables);
        expect(refusalOf(body)).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(rule === undefined ? {} : { rule }) });
        expect(running.subgraph.queries.count).toBe(0);
      },
    );
  });

  describe(`${list}: statements`, () => {
    const { firsts, costs, filter, keep } = spec.statements;
    const cases = costs.flatMap(([what, selection, statements, own]) =>
      firsts.map((first) => ({ what, selection, statements, first, filter: own ?? filter, keep: own ? undefined : keep })),
    );
    it.each(cases)('costs $statements statements for a page of $first, $what', async (cost) => {
      running.subgraph.queries.reset();
      const { body } = await running.query(query(cost.selection), { filter: cost.filter ?? null, first: cost.first });
      expect(body.errors).toBeUndefined();
      const { nodes, totalCount } = body.data[list] as ListPage;
      if (cost.keep) expect(totalCount).toBe(expected(cost.keep).length);
      expect(nodes).toHaveLength(Math.min(cost.first, totalCount));
      expect(running.subgraph.queries.count).toBe(cost.statements);
    });
  });

  const { publicFilters: open, sharedFilter: shared } = spec;
  if (!open && !shared) return;
  describe(`${list}: who may filter on what`, () => {
    if (open) {
      it.each(open.callers)(
        "lets %s use the PUBLIC filters; each record's SHARED fields stay null and FORBIDDEN as anywhere",
        async (_who, headers) => {
          const want = expected(open.keep);
          expect(want.length).toBeGreaterThan(0);
          expect(want.length).toBeLessThan(spec.rows().length);
          const row = (k: string) => spec.rows().find((r) => text(r, key) === k)!;
          const visible = (k: string) => open.visible?.(row(k)) ?? {};
          const selection = [key, ...Object.keys(visible(want[0]!)), ...open.shared].join(' ');
          const { body } = await running.query(query(selection), { filter: open.filter, first: 100 }, headers);
          const { nodes, totalCount } = body.data[list] as ListPage;
          const nulls = Object.fromEntries(open.shared.map((field) => [field, null]));
          expect(nodes).toEqual(want.slice(0, 100).map((k) => ({ [key]: k, ...visible(k), ...nulls })));
          expect(totalCount).toBe(want.length);
          const forbidden = nodes.flatMap((_, i) =>
            open.shared.map((field) =>
              expect.objectContaining({
                message: `Not allowed for your department or role: ${typeName}.${field}`,
                path: [list, 'nodes', i, field],
                extensions: { code: 'FORBIDDEN' },
              }),
            ),
          );
          expect(body.errors).toHaveLength(forbidden.length);
          expect(body.errors).toEqual(expect.arrayContaining(forbidden));
        },
      );
    }

    if (shared) {
      it.each(shared.callers)(
        'refuses %s the filter on a SHARED field as FORBIDDEN naming it, before any statement',
        async (_who, headers) => {
          running.subgraph.queries.reset();
          const { body } = await running.query(query(key), { filter: shared.filter, first: 5 }, headers);
          expect(refusalOf(body)).toMatchObject({ code: 'FORBIDDEN', field: `filter.${shared.field}` });
          const message = `filter.${shared.field} filters on ${typeName}.${shared.on}, which is SHARED`;
          expect(body.errors![0]).toMatchObject({ path: [list], message: expect.stringContaining(message) });
          expect(running.subgraph.queries.count).toBe(0);
        },
      );
    }
  });
}
