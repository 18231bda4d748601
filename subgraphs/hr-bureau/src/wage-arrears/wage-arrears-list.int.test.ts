import { Department, Role } from '@labour/shared';
import { generateWorld, type DemoWageArrearsAlert, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';
import { listQuery, newestFirst, refusal, walkList } from '../hr-lists.fixtures';

/** `wageArrearsAlerts`: the root list of wage-arrears warnings, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

let world: World | undefined;
/** The demo world the subgraph loaded, to compute what the list must answer. */
const demoWorld = (): World => (world ??= generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }));
let districts: Map<string, string> | undefined;
const districtOf = (creditCode: string): string =>
  (districts ??= new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]))).get(creditCode)!;

const LIST = listQuery('wageArrearsAlerts', 'WageArrearsAlertFilter', 'alertNo raisedOn');
const alerts = () => demoWorld().hr.wageArrearsAlerts;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (a: DemoWageArrearsAlert) => boolean) =>
  newestFirst(
    alerts().filter(match),
    (a) => a.raisedOn,
    (a) => a.alertNo,
  );
/** The district with the most warnings (ties by name). */
const busiestDistrict = () => {
  const counts = new Map<string, number>();
  for (const a of alerts()) counts.set(districtOf(a.enterpriseCreditCode), (counts.get(districtOf(a.enterpriseCreditCode)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

const FILTERS: Array<[string, () => object, (a: DemoWageArrearsAlert) => boolean]> = [
  ['level', () => ({ level: ['RED', 'ORANGE'] }), (a) => a.level === 'RED' || a.level === 'ORANGE'],
  ['open: true', () => ({ open: true }), (a) => a.resolvedOn === null],
  ['open: false', () => ({ open: false }), (a) => a.resolvedOn !== null],
  ['raisedOn', () => ({ raisedOn: { from: '2025-01-01', to: '2025-12-31' } }), (a) => within(a.raisedOn, '2025-01-01', '2025-12-31')],
  ['resolvedOn', () => ({ resolvedOn: { to: '2024-12-31' } }), (a) => within(a.resolvedOn, undefined, '2024-12-31')],
  ['workersAffectedAtLeast', () => ({ workersAffectedAtLeast: 20 }), (a) => a.workersAffected >= 20],
  ['amountOwedAtLeast', () => ({ amountOwedAtLeast: '400000' }), (a) => Number(a.amountOwed) >= 400_000],
  ['district', () => ({ district: busiestDistrict() }), (a) => districtOf(a.enterpriseCreditCode) === busiestDistrict()],
  [
    'enterprise',
    () => ({ enterprise: alerts()[0]!.enterpriseCreditCode }),
    (a) => a.enterpriseCreditCode === alerts()[0]!.enterpriseCreditCode,
  ],
  [
    'level, raisedOn and workersAffectedAtLeast together',
    () => ({ level: ['YELLOW', 'ORANGE'], raisedOn: { from: '2025-01-01' }, workersAffectedAtLeast: 10 }),
    (a) => (a.level === 'YELLOW' || a.level === 'ORANGE') && a.raisedOn >= '2025-01-01' && a.workersAffected >= 10,
  ],
];

describe('wageArrearsAlerts: filters', () => {
  it.each(FILTERS)('%s gives exactly the warnings the world has, newest first', async (_name, filter, match) => {
    const want = expected(match);
    // Each filter picks some warnings and leaves others: a filter that matched all or none would prove little.
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(alerts().length);
    const { keys, totals } = await walkList(hr, 'wageArrearsAlerts', LIST, 'alertNo', filter(), 100);
    expect(keys).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });
});

describe('wageArrearsAlerts: pages', () => {
  it('walks every warning once in pages of 7, newest first, same-day ones by number', async () => {
    const all = expected(() => true);
    const { keys, totals, pages, last } = await walkList(hr, 'wageArrearsAlerts', LIST, 'alertNo', null, 7);
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

describe('wageArrearsAlerts: statements', () => {
  it('costs the page and the count, and one more for the enterprises, whatever the page size', async () => {
    const statements = async (selection: string, first: number) => {
      hr.subgraph.queries.reset();
      const response = await hr.query(listQuery('wageArrearsAlerts', 'WageArrearsAlertFilter', selection), { filter: null, first });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.wageArrearsAlerts.nodes).toHaveLength(Math.min(first, alerts().length));
      return hr.subgraph.queries.count;
    };
    expect(await statements('alertNo project open', 2)).toBe(2);
    expect(await statements('alertNo project open', 100)).toBe(2);
    expect(await statements('alertNo enterprise { creditCode district }', 2)).toBe(3);
    expect(await statements('alertNo enterprise { creditCode district }', 100)).toBe(3);
  });
});

describe('wageArrearsAlerts: who may filter on what', () => {
  const ITEMS = listQuery('wageArrearsAlerts', 'WageArrearsAlertFilter', 'alertNo level project amountOwed');

  it("lets another department filter on PUBLIC fields; the warnings' SHARED fields stay null and FORBIDDEN", async () => {
    const want = expected((a) => a.level === 'ORANGE' && a.resolvedOn !== null);
    const response = await hr.query(
      ITEMS,
      { filter: { level: ['ORANGE'], open: false }, first: 100 },
      asPrincipal(Department.COURT, Role.CASEWORKER),
    );
    const { nodes, totalCount } = response.body.data.wageArrearsAlerts;
    expect(nodes.map((n: { alertNo: string }) => n.alertNo)).toEqual(want);
    expect(totalCount).toBe(want.length);
    expect(nodes.every((n: { project: unknown; amountOwed: unknown }) => n.project === null && n.amountOwed === null)).toBe(true);
    const messages = response.body.errors!.map((e) => [e.message, e.extensions?.['code']]);
    expect(messages).toHaveLength(2 * want.length);
    expect(new Set(messages.map(([m, code]) => `${code} ${m}`))).toEqual(
      new Set([
        'FORBIDDEN Not allowed for your department or role: WageArrearsAlert.project',
        'FORBIDDEN Not allowed for your department or role: WageArrearsAlert.amountOwed',
      ]),
    );
  });

  it.each([
    ['another department', asPrincipal(Department.COURT, Role.CASEWORKER)],
    // The union reads the amounts of open warnings over its channel, warning by warning: a channel opens no search.
    ['the department a channel grants the field to', asPrincipal(Department.UNION, Role.CASEWORKER)],
    ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
  ])('refuses %s a filter on amountOwed (SHARED), naming the argument, before any statement', async (_who, headers) => {
    hr.subgraph.queries.reset();
    const refused = await refusal(hr, ITEMS, { filter: { amountOwedAtLeast: '400000' }, first: 5 }, headers);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'filter.amountOwedAtLeast', data: null });
    expect(refused.message).toContain('filter.amountOwedAtLeast filters on WageArrearsAlert.amountOwed, which is SHARED');
    expect(hr.subgraph.queries.count).toBe(0);
  });

  it("lets the bureau's own caseworker filter on amountOwed", async () => {
    const response = await hr.query(
      ITEMS,
      { filter: { amountOwedAtLeast: '400000' }, first: 100 },
      asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.wageArrearsAlerts.nodes.map((n: { alertNo: string }) => n.alertNo)).toEqual(
      expected((a) => Number(a.amountOwed) >= 400_000),
    );
  });
});

describe('wageArrearsAlerts: bad filters', () => {
  it.each([
    ['a date range that ends before it starts', { raisedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.raisedOn.to'],
    ['no workers', { workersAffectedAtLeast: 0 }, 'filter.workersAffectedAtLeast'],
    ['a negative amount', { amountOwedAtLeast: '-5' }, 'filter.amountOwedAtLeast'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, filter, field) => {
    expect(await refusal(hr, LIST, { filter, first: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});
