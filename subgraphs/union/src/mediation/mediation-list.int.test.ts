import { Department, mediationDueOn, Role } from '@labour/shared';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { generateWorld, type World } from '@labour/demo-world';
import { listQuery } from '@labour/testing/case-list';
import { newestFirst, walkPages, type Page } from '../list.fixtures';
import { CREATE, mediationInput } from '../union.fixtures';

/** The world the subgraph loads with `demo: true`: what the list must answer, exactly. */
const WORLD = (generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World).union;

/**
 * Open cases added to the world, whose world has none past its 15 days: two overdue (one of them
 * being mediated), one still within them.
 */
const ADDED = [
  { caseNo: '京开工调字〔2026〕第9201号', appliedOn: '2026-10-01', disputeNo: 'LD-UN-2026-920001', status: 'APPLIED' },
  { caseNo: '京开工调字〔2026〕第9202号', appliedOn: '2026-10-20', disputeNo: 'LD-UN-2026-920002', status: 'MEDIATING' },
  { caseNo: '京开工调字〔2026〕第9203号', appliedOn: '2026-11-10', disputeNo: 'LD-UN-2026-920003', status: 'APPLIED' },
].map((c) => ({ ...c, ...mediationInput(c.caseNo, c.appliedOn, { disputeNo: c.disputeNo }), outcome: null, closedOn: null }));
const START = `mutation ($input: StartMediationInput!) { startMediation(input: $input) { status } }`;

/** The world's mediation cases and the added ones as the union stores them (with their due day), in the list's order. */
const CASES = newestFirst(
  [...WORLD.mediationCases, ...ADDED].map((c) => ({ ...c, dueOn: mediationDueOn(c.appliedOn) })),
  'appliedOn',
  'caseNo',
);
type Case = (typeof CASES)[number];
const isOverdue = (c: Case) => c.status !== 'CLOSED' && c.dueOn < TEST_AS_OF;
const within = (day: string | null, from: string, to: string) => day !== null && from <= day && day <= to;

const byCount = (values: string[]) =>
  [...new Set(values)].sort((a, b) => values.filter((v) => v === b).length - values.filter((v) => v === a).length);
const BUSIEST_ENTERPRISE = byCount(CASES.map((c) => c.enterpriseCreditCode))[0]!;
const SOME_DISPUTES = CASES.filter((_, i) => i % 97 === 3).map((c) => c.disputeNo);

const LIST = listQuery('mediationCases', 'MediationCaseFilter', 'caseNo');
const FULL = listQuery(
  'mediationCases',
  'MediationCaseFilter',
  'caseNo status outcome appliedOn dueOn closedOn overdue mediator workers { personRef } enterprise { creditCode } dispute { disputeNo }',
);
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

describe('union subgraph: the mediationCases list', () => {
  const union = useSubgraph(unionSubgraph, { demo: true });
  beforeAll(async () => {
    for (const added of ADDED) {
      const { body } = await union.query(CREATE, { input: mediationInput(added.caseNo, added.appliedOn, { disputeNo: added.disputeNo }) });
      expect(body.errors).toBeUndefined();
      if (added.status === 'MEDIATING') {
        const started = await union.query(START, { input: { caseNo: added.caseNo, version: 1, on: added.appliedOn } });
        expect(started.body.errors).toBeUndefined();
      }
    }
  });

  async function list(filter: object | null, first = 100, headers?: Record<string, string>) {
    const { body } = await union.query(LIST, { filter, first }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.mediationCases as Page<{ caseNo: string }>;
  }
  /** The first page (up to 100) and the total, as the world says. */
  const expectPage = async (filter: object | null, expected: Case[]) => {
    const page = await list(filter);
    expect(page.nodes.map((c) => c.caseNo)).toEqual(expected.slice(0, 100).map((c) => c.caseNo));
    expect(page.totalCount).toBe(expected.length);
    expect(page.pageInfo.hasNextPage).toBe(expected.length > 100);
  };

  it('lists every case, newest application first and same-day cases by case number, 20 unless asked', async () => {
    const { body } = await union.query(LIST, {});
    expect(body.errors).toBeUndefined();
    expect(body.data.mediationCases.nodes.map((c: Case) => c.caseNo)).toEqual(CASES.slice(0, 20).map((c) => c.caseNo));
    expect(CASES.filter(isOverdue).map((c) => c.caseNo)).toEqual([ADDED[1]!.caseNo, ADDED[0]!.caseNo]);
    expect(body.data.mediationCases.totalCount).toBe(CASES.length);
    await expectPage(null, CASES);
  });

  it.each<[string, object, (c: Case) => boolean]>([
    ['status', { status: ['APPLIED', 'MEDIATING'] }, (c) => c.status !== 'CLOSED'],
    ['outcome', { outcome: ['LAPSED', 'WITHDRAWN'] }, (c) => c.outcome === 'LAPSED' || c.outcome === 'WITHDRAWN'],
    ['appliedOn', { appliedOn: { from: '2026-07-01', to: '2026-09-30' } }, (c) => within(c.appliedOn, '2026-07-01', '2026-09-30')],
    ['appliedOn from only', { appliedOn: { from: '2026-10-15' } }, (c) => c.appliedOn >= '2026-10-15'],
    ['dueOn to only', { dueOn: { to: '2024-03-31' } }, (c) => c.dueOn <= '2024-03-31'],
    ['closedOn', { closedOn: { from: '2025-01-01', to: '2025-03-31' } }, (c) => within(c.closedOn, '2025-01-01', '2025-03-31')],
    ['overdue', { overdue: true }, isOverdue],
    ['not overdue', { overdue: false }, (c) => !isOverdue(c)],
    ['enterprise', { enterprise: BUSIEST_ENTERPRISE }, (c) => c.enterpriseCreditCode === BUSIEST_ENTERPRISE],
    ['disputeNos', { disputeNos: [...SOME_DISPUTES, 'LD-UN-2026-999999'] }, (c) => SOME_DISPUTES.includes(c.disputeNo)],
  ])('filters by %s exactly as the world says', async (_name, filter, matches) => {
    const expected = CASES.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(CASES.length);
    await expectPage(filter, expected);
  });

  it('finds the open cases past their 15 days, and they say so', async () => {
    const { body } = await union.query(FULL, { filter: { overdue: true }, first: 100 });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.mediationCases.nodes as Array<{ overdue: boolean; status: string; dueOn: string }>;
    expect(nodes.length).toBe(CASES.filter(isOverdue).length);
    expect(nodes.every((c) => c.overdue && c.status !== 'CLOSED' && c.dueOn < TEST_AS_OF)).toBe(true);
  });

  it('combines filters: every condition holds', async () => {
    const filter = { status: ['CLOSED'], outcome: ['AGREED'], appliedOn: { from: '2025-01-01' }, enterprise: BUSIEST_ENTERPRISE };
    const expected = CASES.filter(
      (c) =>
        c.status === 'CLOSED' && c.outcome === 'AGREED' && c.appliedOn >= '2025-01-01' && c.enterpriseCreditCode === BUSIEST_ENTERPRISE,
    );
    expect(expected.length).toBeGreaterThan(0);
    await expectPage(filter, expected);
    await expectPage({ status: ['APPLIED'], overdue: false, closedOn: { to: '2026-12-31' } }, []);
  });

  it.each([
    ['stages', { status: [] }, 'filter.status'],
    ['disputes', { disputeNos: [] }, 'filter.disputeNos'],
  ])('refuses an empty list of %s, naming the filter: leaving it out takes every value', async (_what, filter, field) => {
    const response = await union.query(LIST, { filter });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('walks a filtered list in pages of 7: each case once, in order, the same total on every page', async () => {
    const filter = { appliedOn: { from: '2025-06-01', to: '2025-12-31' } };
    const expected = CASES.filter((c) => within(c.appliedOn, '2025-06-01', '2025-12-31')).map((c) => c.caseNo);
    const { keys, sizes, totals } = await walkPages(union, LIST, 'mediationCases', 'caseNo', filter, 7);
    expect(keys).toEqual(expected);
    expect(sizes.slice(0, -1).every((size) => size === 7)).toBe(true);
    expect(sizes).toHaveLength(Math.ceil(expected.length / 7));
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it('walks the whole list in pages of 100', async () => {
    const { keys, sizes } = await walkPages(union, LIST, 'mediationCases', 'caseNo', {}, 100);
    expect(keys).toEqual(CASES.map((c) => c.caseNo));
    expect(sizes).toEqual([100, 100, 100, 100, 100, 100, 3]);
  });

  it.each([
    ['a cursor it did not give out', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['more than 100 a page', { first: 101 }, 'first'],
    ['no case a page', { first: 0 }, 'first'],
    [
      'a span of applications that ends before it starts',
      { filter: { appliedOn: { from: '2026-09-30', to: '2026-07-01' } } },
      'filter.appliedOn.to',
    ],
    ['a span of due days that ends before it starts', { filter: { dueOn: { from: '2026-09-30', to: '2026-07-01' } } }, 'filter.dueOn.to'],
    [
      'a span of closing days that ends before it starts',
      { filter: { closedOn: { from: '2026-09-30', to: '2026-07-01' } } },
      'filter.closedOn.to',
    ],
    ['more than 100 disputes', { filter: { disputeNos: Array.from({ length: 101 }, () => 'LD-UN-2026-000001') } }, 'filter.disputeNos'],
    ['a dispute number of the wrong form', { filter: { disputeNos: ['LD-UN-2026-000001', 'X-1'] } }, 'filter.disputeNos'],
    ['a credit code with a wrong check character', { filter: { enterprise: '91110302802205163A' } }, 'filter.enterprise'],
  ])('refuses %s: BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    union.subgraph.queries.reset();
    const { body } = await union.query(LIST, variables);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(union.subgraph.queries.count).toBe(0);
  });

  it('runs two statements, the page and its count, whatever the page size and the fields selected', async () => {
    const filter = { status: ['CLOSED'], appliedOn: { from: '2024-01-01' } };
    const counts: number[] = [];
    for (const first of [1, 7, 100]) {
      union.subgraph.queries.reset();
      const { body } = await union.query(FULL, { filter, first });
      expect(body.errors).toBeUndefined();
      expect(body.data.mediationCases.nodes).toHaveLength(first);
      counts.push(union.subgraph.queries.count);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it('gives another department the PUBLIC filters and fields, its SHARED fields null and FORBIDDEN as anywhere', async () => {
    const query = listQuery('mediationCases', 'MediationCaseFilter', 'caseNo status claims');
    const filter = { status: ['MEDIATING'], overdue: false };
    const expected = CASES.filter((c) => c.status === 'MEDIATING' && !isOverdue(c));
    // The page and its count, then one access-log insert for the whole page (the log's writer reads its
    // chain's head once per process: the first read here has it read).
    await union.query(query, { filter, first: 1 }, COURT);
    union.subgraph.queries.reset();
    expect((await union.query(query, { filter, first: 1 }, COURT)).body.data.mediationCases.nodes).toHaveLength(1);
    expect(union.subgraph.queries.count).toBe(3);
    union.subgraph.queries.reset();
    const { body } = await union.query(query, { filter, first: 100 }, COURT);
    expect(union.subgraph.queries.count).toBe(3);
    const nodes = body.data.mediationCases.nodes as Array<{ caseNo: string; status: string; claims: string | null }>;
    expect(nodes.map((c) => c.caseNo)).toEqual(expected.map((c) => c.caseNo));
    expect(nodes.every((c) => c.claims === null)).toBe(true);
    expect(body.errors).toHaveLength(nodes.length);
    expect(body.errors![0]).toMatchObject({
      message: 'Not allowed for your department or role: MediationCase.claims',
      path: ['mediationCases', 'nodes', 0, 'claims'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it("gives the union's analysts every filter (all on PUBLIC fields)", async () => {
    const filter = { status: ['CLOSED'], outcome: ['FAILED', 'LAPSED'], closedOn: { from: '2026-01-01' }, overdue: false };
    const expected = CASES.filter((c) => (c.outcome === 'FAILED' || c.outcome === 'LAPSED') && (c.closedOn ?? '') >= '2026-01-01');
    expect(expected.length).toBeGreaterThan(0);
    const page = await list(filter, 100, asPrincipal(Department.UNION, Role.ANALYST));
    expect(page.nodes.map((c) => c.caseNo)).toEqual(expected.map((c) => c.caseNo));
  });
});
