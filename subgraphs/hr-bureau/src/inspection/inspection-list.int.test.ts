import { Department, Role } from '@labour/shared';
import { generateWorld, type DemoInspection, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';
import { listQuery, newestFirst, refusal, walkList } from '../hr-lists.fixtures';

/** `laborInspections`: the root list of labour-security inspections, its filters, pages, statements and who may filter. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

let world: World | undefined;
/** The demo world the subgraph loaded, to compute what the list must answer. */
const demoWorld = (): World => (world ??= generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }));
let districts: Map<string, string> | undefined;
const districtOf = (creditCode: string): string =>
  (districts ??= new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]))).get(creditCode)!;

const LIST = listQuery('laborInspections', 'LaborInspectionFilter', 'inspectionNo inspectedOn');
const inspections = () => demoWorld().hr.inspections;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (i: DemoInspection) => boolean) =>
  newestFirst(
    inspections().filter(match),
    (i) => i.inspectedOn,
    (i) => i.inspectionNo,
  );
/** As `LaborInspection.overdue`. */
const overdue = (i: DemoInspection) => i.status === 'RECTIFYING' && i.rectificationDueOn !== null && i.rectificationDueOn < TEST_AS_OF;
/** The enterprise inspected most often (ties by credit code). */
const mostInspected = () => {
  const counts = new Map<string, number>();
  for (const i of inspections()) counts.set(i.enterpriseCreditCode, (counts.get(i.enterpriseCreditCode) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

const FILTERS: Array<[string, () => object, (i: DemoInspection) => boolean]> = [
  ['status', () => ({ status: ['OPEN', 'RECTIFYING'] }), (i) => i.status !== 'CLOSED'],
  ['kind', () => ({ kind: ['COMPLAINT', 'SPECIAL_CAMPAIGN'] }), (i) => i.kind !== 'RANDOM'],
  ['violationFound', () => ({ violationFound: true }), (i) => i.violationFound],
  [
    'inspectedOn',
    () => ({ inspectedOn: { from: '2026-07-01', to: '2026-09-30' } }),
    (i) => within(i.inspectedOn, '2026-07-01', '2026-09-30'),
  ],
  ['rectificationDueOn', () => ({ rectificationDueOn: { from: '2026-01-01' } }), (i) => within(i.rectificationDueOn, '2026-01-01')],
  ['closedOn', () => ({ closedOn: { to: '2025-06-30' } }), (i) => within(i.closedOn, undefined, '2025-06-30')],
  ['overdue: true', () => ({ overdue: true }), overdue],
  ['overdue: false', () => ({ overdue: false }), (i) => !overdue(i)],
  ['district', () => ({ district: '台湖镇' }), (i) => districtOf(i.enterpriseCreditCode) === '台湖镇'],
  ['enterprise', () => ({ enterprise: mostInspected() }), (i) => i.enterpriseCreditCode === mostInspected()],
  [
    'kind, violationFound, inspectedOn and district together',
    () => ({ kind: ['RANDOM'], violationFound: true, inspectedOn: { from: '2025-01-01' }, district: '核心区' }),
    (i) => i.kind === 'RANDOM' && i.violationFound && i.inspectedOn >= '2025-01-01' && districtOf(i.enterpriseCreditCode) === '核心区',
  ],
];

describe('laborInspections: filters', () => {
  it.each(FILTERS)('%s gives exactly the inspections the world has, newest first', async (_name, filter, match) => {
    const want = expected(match);
    // Each filter picks some inspections and leaves others: a filter that matched all or none would prove little.
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(inspections().length);
    const { keys, totals } = await walkList(hr, 'laborInspections', LIST, 'inspectionNo', filter(), 100);
    expect(keys).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });

  it('overdue: true gives the rectifications past their deadline, as each inspection says of itself', async () => {
    const want = expected(overdue);
    const { keys } = await walkList(hr, 'laborInspections', LIST, 'inspectionNo', { overdue: true }, 100);
    expect(keys).toEqual(want);
    const flagged = await hr.query(listQuery('laborInspections', 'LaborInspectionFilter', 'inspectionNo overdue'), {
      filter: null,
      first: 100,
    });
    // Every inspection the filter leaves out says it is not overdue (the world may have none overdue at all).
    const rest = await walkList(hr, 'laborInspections', LIST, 'inspectionNo', { overdue: false }, 100);
    expect([...keys, ...rest.keys].sort()).toEqual(
      inspections()
        .map((i) => i.inspectionNo)
        .sort(),
    );
    for (const node of flagged.body.data.laborInspections.nodes as Array<{ inspectionNo: string; overdue: boolean }>) {
      expect(node.overdue).toBe(keys.includes(node.inspectionNo));
    }
  });
});

describe('laborInspections: pages', () => {
  it('walks every inspection once in pages of 7, newest first, same-day ones by number', async () => {
    const all = expected(() => true);
    const { keys, totals, pages, last } = await walkList(hr, 'laborInspections', LIST, 'inspectionNo', null, 7);
    expect(keys).toEqual(all);
    expect(new Set(totals)).toEqual(new Set([all.length]));
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['a bad cursor', { first: 5, after: 'not-a-cursor' }, 'after'],
    ['more than 100', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    expect(await refusal(hr, LIST, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});

describe('laborInspections: statements', () => {
  const statements = async (selection: string, first: number) => {
    hr.subgraph.queries.reset();
    const response = await hr.query(listQuery('laborInspections', 'LaborInspectionFilter', selection), {
      filter: { kind: ['RANDOM'] },
      first,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.laborInspections.nodes).toHaveLength(first);
    return hr.subgraph.queries.count;
  };

  it('costs the page and the count, and one more for the enterprises, whatever the page size', async () => {
    expect(await statements('inspectionNo findings overdue', 3)).toBe(2);
    expect(await statements('inspectionNo findings overdue', 100)).toBe(2);
    expect(await statements('inspectionNo enterprise { creditCode district }', 3)).toBe(3);
    expect(await statements('inspectionNo enterprise { creditCode district }', 100)).toBe(3);
  });
});

describe('laborInspections: who may filter on what', () => {
  const ITEMS = listQuery('laborInspections', 'LaborInspectionFilter', 'inspectionNo status findings');

  it.each([
    ['another department', asPrincipal(Department.UNION, Role.CASEWORKER)],
    ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
  ])("lets %s use every filter (all PUBLIC); the inspections' findings (SHARED) stay null and FORBIDDEN", async (_who, headers) => {
    const filter = { status: ['CLOSED'], kind: ['COMPLAINT'], violationFound: true, district: '核心区', overdue: false, closedOn: {} };
    const want = expected(
      (i) => i.status === 'CLOSED' && i.kind === 'COMPLAINT' && i.violationFound && districtOf(i.enterpriseCreditCode) === '核心区',
    );
    expect(want.length).toBeGreaterThan(0);
    const response = await hr.query(ITEMS, { filter, first: 100 }, headers);
    const { nodes, totalCount } = response.body.data.laborInspections;
    expect(nodes.map((n: { inspectionNo: string }) => n.inspectionNo)).toEqual(want);
    expect(totalCount).toBe(want.length);
    expect(nodes.every((n: { findings: unknown }) => n.findings === null)).toBe(true);
    expect(response.body.errors).toHaveLength(want.length);
    for (const error of response.body.errors!) {
      expect(error).toMatchObject({
        message: 'Not allowed for your department or role: LaborInspection.findings',
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });
});

describe('laborInspections: bad filters', () => {
  it.each([
    ['an inspection range that ends before it starts', { inspectedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.inspectedOn.to'],
    [
      'a deadline range that ends before it starts',
      { rectificationDueOn: { from: '2026-09-30', to: '2026-07-01' } },
      'filter.rectificationDueOn.to',
    ],
    ['a credit code that fails its check', { enterprise: '91110302MA0B000010' }, 'filter.enterprise'],
    ['an empty district', { district: '' }, 'filter.district'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, filter, field) => {
    expect(await refusal(hr, LIST, { filter, first: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});
