import { arbitrationAcceptanceDueOn, arbitrationAwardDueOn, Department, Role } from '@labour/shared';
import { generateWorld, type DemoArbitrationCase, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';
import { listQuery, newestFirst, refusal, walkList } from '../hr-lists.fixtures';

/** `arbitrationCases`: the root list of arbitration cases, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

let world: World | undefined;
/** The demo world the subgraph loaded, to compute what the list must answer. */
const demoWorld = (): World => (world ??= generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }));
let districts: Map<string, string> | undefined;
const districtOf = (creditCode: string): string =>
  (districts ??= new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]))).get(creditCode)!;

const LIST = listQuery('arbitrationCases', 'ArbitrationCaseFilter', 'caseNo filedOn');
const cases = () => demoWorld().hr.arbitrationCases;
/** As the subgraph keeps `dueOn` (the deadline of the open stage) when it loads the demo world. */
const dueOn = (c: DemoArbitrationCase): string | null =>
  c.status === 'FILED'
    ? arbitrationAcceptanceDueOn(c.filedOn)
    : c.status === 'ACCEPTED'
      ? arbitrationAwardDueOn(c.acceptedOn!, c.extended)
      : null;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (c: DemoArbitrationCase) => boolean) =>
  newestFirst(
    cases().filter(match),
    (c) => c.filedOn,
    (c) => c.caseNo,
  );
const overdue = (c: DemoArbitrationCase) => {
  const due = dueOn(c);
  return due !== null && due < TEST_AS_OF;
};
/** A respondent with several cases, and some disputes, picked from the world. */
const busiest = () => {
  const counts = new Map<string, number>();
  for (const c of cases()) counts.set(c.respondentCreditCode, (counts.get(c.respondentCreditCode) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};
const someDisputes = () =>
  cases()
    .filter((_, i) => i % 37 === 0)
    .map((c) => c.disputeNo);

const FILTERS: Array<[string, () => object, (c: DemoArbitrationCase) => boolean]> = [
  ['status', () => ({ status: ['FILED', 'ACCEPTED'] }), (c) => c.status === 'FILED' || c.status === 'ACCEPTED'],
  ['outcome', () => ({ outcome: ['WITHDRAWN', 'NOT_ACCEPTED'] }), (c) => c.outcome === 'WITHDRAWN' || c.outcome === 'NOT_ACCEPTED'],
  ['filedOn', () => ({ filedOn: { from: '2026-07-01', to: '2026-09-30' } }), (c) => within(c.filedOn, '2026-07-01', '2026-09-30')],
  ['acceptedOn (open end)', () => ({ acceptedOn: { from: '2026-06-01' } }), (c) => within(c.acceptedOn, '2026-06-01')],
  ['closedOn (open start)', () => ({ closedOn: { to: '2024-06-30' } }), (c) => within(c.closedOn, undefined, '2024-06-30')],
  ['dueOn', () => ({ dueOn: { from: '2026-11-20', to: '2027-01-31' } }), (c) => within(dueOn(c), '2026-11-20', '2027-01-31')],
  ['overdue: true', () => ({ overdue: true }), overdue],
  ['overdue: false', () => ({ overdue: false }), (c) => !overdue(c)],
  ['extended', () => ({ extended: true }), (c) => c.extended],
  ['district', () => ({ district: '台湖镇' }), (c) => districtOf(c.respondentCreditCode) === '台湖镇'],
  ['enterprise', () => ({ enterprise: busiest() }), (c) => c.respondentCreditCode === busiest()],
  ['disputeNos', () => ({ disputeNos: [...someDisputes(), 'LD-CT-2026-999999'] }), (c) => someDisputes().includes(c.disputeNo)],
  ['claimAmountAtLeast', () => ({ claimAmountAtLeast: '80000' }), (c) => Number(c.claimAmount) >= 80_000],
  [
    'filedOn, status, outcome and district together',
    () => ({ filedOn: { from: '2026-01-01' }, status: ['CLOSED'], outcome: ['AWARD'], district: '核心区' }),
    (c) => c.filedOn >= '2026-01-01' && c.status === 'CLOSED' && c.outcome === 'AWARD' && districtOf(c.respondentCreditCode) === '核心区',
  ],
  ['overdue and status together', () => ({ overdue: false, status: ['ACCEPTED'] }), (c) => !overdue(c) && c.status === 'ACCEPTED'],
];

describe('arbitrationCases: filters', () => {
  it.each(FILTERS)('%s gives exactly the cases the world has, newest filing first', async (_name, filter, match) => {
    const want = expected(match);
    // Each filter picks some cases and leaves others: a filter that matched all or none would prove little.
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(cases().length);
    const { keys, totals } = await walkList(hr, 'arbitrationCases', LIST, 'caseNo', filter(), 100);
    expect(keys).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });

  it('gives every case without a filter, and an empty page when nothing matches', async () => {
    const { keys } = await walkList(hr, 'arbitrationCases', LIST, 'caseNo', null, 100);
    expect(keys).toEqual(expected(() => true));
    const none = await hr.query(LIST, { filter: { disputeNos: ['LD-CT-2026-999999'] }, first: 5 });
    expect(none.body.data.arbitrationCases).toEqual({ totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, nodes: [] });
  });
});

describe('arbitrationCases: pages', () => {
  it('walks every case once in pages of 7, newest filing first, same-day cases by case number', async () => {
    const all = expected(() => true);
    const { keys, totals, pages, last } = await walkList(hr, 'arbitrationCases', LIST, 'caseNo', null, 7);
    expect(keys).toEqual(all);
    expect(new Set(keys).size).toBe(all.length);
    expect(new Set(totals)).toEqual(new Set([all.length]));
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('gives 20 when `first` is omitted', async () => {
    const response = await hr.query(`{ arbitrationCases { nodes { caseNo } } }`);
    expect(response.body.data.arbitrationCases.nodes.map((n: { caseNo: string }) => n.caseNo)).toEqual(expected(() => true).slice(0, 20));
  });

  it.each([
    ['a bad cursor', { first: 5, after: 'not-a-cursor' }, 'after'],
    ['more than 100', { first: 101 }, 'first'],
    ['none', { first: 0 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    expect(await refusal(hr, LIST, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});

describe('arbitrationCases: statements', () => {
  const statements = async (selection: string, first: number) => {
    hr.subgraph.queries.reset();
    const response = await hr.query(listQuery('arbitrationCases', 'ArbitrationCaseFilter', selection), {
      filter: { district: '核心区' },
      first,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.arbitrationCases.nodes).toHaveLength(first);
    return hr.subgraph.queries.count;
  };

  it('costs the page and the count, whatever the page size', async () => {
    expect(await statements('caseNo claims overdue dispute { disputeNo }', 3)).toBe(2);
    expect(await statements('caseNo claims overdue dispute { disputeNo }', 100)).toBe(2);
  });

  it('loads the respondents of a page in one more statement', async () => {
    expect(await statements('caseNo respondent { creditCode district }', 3)).toBe(3);
    expect(await statements('caseNo respondent { creditCode district }', 100)).toBe(3);
  });
});

describe('arbitrationCases: who may filter on what', () => {
  const union = asPrincipal(Department.UNION, Role.CASEWORKER);
  const ITEMS = listQuery('arbitrationCases', 'ArbitrationCaseFilter', 'caseNo status claims');

  it("lets another department filter on PUBLIC fields; the cases' SHARED fields stay null and FORBIDDEN", async () => {
    const filter = { status: ['CLOSED'], district: '台湖镇', filedOn: { from: '2026-01-01' } };
    const want = expected((c) => c.status === 'CLOSED' && districtOf(c.respondentCreditCode) === '台湖镇' && c.filedOn >= '2026-01-01');
    expect(want.length).toBeGreaterThan(0);
    const response = await hr.query(ITEMS, { filter, first: 100 }, union);
    const { nodes, totalCount } = response.body.data.arbitrationCases;
    expect(nodes.map((n: { caseNo: string }) => n.caseNo)).toEqual(want);
    expect(totalCount).toBe(want.length);
    expect(nodes.every((n: { claims: unknown; status: string }) => n.claims === null && n.status === 'CLOSED')).toBe(true);
    expect(response.body.errors).toHaveLength(want.length);
    for (const error of response.body.errors!) {
      expect(error).toMatchObject({
        message: 'Not allowed for your department or role: ArbitrationCase.claims',
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });

  it.each([
    ['another department', asPrincipal(Department.UNION, Role.CASEWORKER)],
    // The court reads claim amounts of ended cases over its channel, case by case: a channel opens no search.
    ['the department a channel grants the field to', asPrincipal(Department.COURT, Role.CASEWORKER)],
    ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
  ])('refuses %s a filter on claimAmount (SHARED), naming the argument, before any statement', async (_who, headers) => {
    hr.subgraph.queries.reset();
    const refused = await refusal(hr, ITEMS, { filter: { status: ['CLOSED'], claimAmountAtLeast: '80000' }, first: 5 }, headers);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'filter.claimAmountAtLeast', data: null });
    expect(refused.message).toContain('filter.claimAmountAtLeast filters on ArbitrationCase.claimAmount, which is SHARED');
    expect(hr.subgraph.queries.count).toBe(0);
  });

  it("lets the bureau's own caseworker filter on claimAmount and read the claims", async () => {
    const response = await hr.query(
      ITEMS,
      { filter: { claimAmountAtLeast: '80000' }, first: 5 },
      asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.arbitrationCases.nodes.map((n: { caseNo: string }) => n.caseNo)).toEqual(
      expected((c) => Number(c.claimAmount) >= 80_000).slice(0, 5),
    );
    expect(response.body.data.arbitrationCases.nodes.every((n: { claims: unknown }) => typeof n.claims === 'string')).toBe(true);
  });
});

describe('arbitrationCases: bad filters', () => {
  it.each([
    ['a date range that ends before it starts', { filedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.filedOn.to'],
    ['a closing range that ends before it starts', { closedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.closedOn.to'],
    [
      'more than 100 disputes',
      { disputeNos: Array.from({ length: 101 }, (_, i) => `LD-HR-2026-${String(i).padStart(6, '0')}`) },
      'filter.disputeNos',
    ],
    ['a dispute number of no known form', { disputeNos: ['LD-HR-2026-000001', 'nonsense'] }, 'filter.disputeNos'],
    ['a credit code that fails its check', { enterprise: '91110302MA0B000010' }, 'filter.enterprise'],
    ['a negative amount', { claimAmountAtLeast: '-1' }, 'filter.claimAmountAtLeast'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, filter, field) => {
    expect(await refusal(hr, LIST, { filter, first: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});
