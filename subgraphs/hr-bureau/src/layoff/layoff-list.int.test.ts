import { daysBetween, Department, Role } from '@labour/shared';
import { generateWorld, type DemoLayoffReport, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';
import { listQuery, newestFirst, refusal, walkList } from '../hr-lists.fixtures';

/** `layoffReports`: the root list of mass-layoff reports, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

let world: World | undefined;
/** The demo world the subgraph loaded, to compute what the list must answer. */
const demoWorld = (): World => (world ??= generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }));
let districts: Map<string, string> | undefined;
const districtOf = (creditCode: string): string =>
  (districts ??= new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]))).get(creditCode)!;

const LIST = listQuery('layoffReports', 'LayoffReportFilter', 'reportNo reportedOn');
const reports = () => demoWorld().hr.layoffReports;
const within = (day: string, from = '0000-00-00', to = '9999-99-99') => day >= from && day <= to;
const expected = (match: (r: DemoLayoffReport) => boolean) =>
  newestFirst(
    reports().filter(match),
    (r) => r.reportedOn,
    (r) => r.reportNo,
  );

const FILTERS: Array<[string, () => object, (r: DemoLayoffReport) => boolean]> = [
  ['reportedOn', () => ({ reportedOn: { from: '2026-01-01' } }), (r) => within(r.reportedOn, '2026-01-01')],
  [
    'effectiveOn',
    () => ({ effectiveOn: { from: '2025-01-01', to: '2026-06-30' } }),
    (r) => within(r.effectiveOn, '2025-01-01', '2026-06-30'),
  ],
  ['plannedCountAtLeast', () => ({ plannedCountAtLeast: 60 }), (r) => r.plannedCount >= 60],
  [
    'district',
    () => ({ district: districtOf(reports()[0]!.enterpriseCreditCode) }),
    (r) => districtOf(r.enterpriseCreditCode) === districtOf(reports()[0]!.enterpriseCreditCode),
  ],
  [
    'enterprise',
    () => ({ enterprise: reports()[1]!.enterpriseCreditCode }),
    (r) => r.enterpriseCreditCode === reports()[1]!.enterpriseCreditCode,
  ],
  [
    'reportedOn and plannedCountAtLeast together',
    () => ({ reportedOn: { from: '2025-01-01' }, plannedCountAtLeast: 50 }),
    (r) => r.reportedOn >= '2025-01-01' && r.plannedCount >= 50,
  ],
];

describe('layoffReports: filters', () => {
  it.each(FILTERS)('%s gives exactly the reports the world has, newest first', async (_name, filter, match) => {
    const want = expected(match);
    // Each filter picks some reports and leaves others: a filter that matched all or none would prove little.
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(reports().length);
    const { keys, totals } = await walkList(hr, 'layoffReports', LIST, 'reportNo', filter(), 100);
    expect(keys).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
  });
});

describe('layoffReports: pages', () => {
  it('walks every report once in pages of 4, newest first', async () => {
    const all = expected(() => true);
    const { keys, totals, pages, last } = await walkList(hr, 'layoffReports', LIST, 'reportNo', null, 4);
    expect(keys).toEqual(all);
    expect(new Set(totals)).toEqual(new Set([all.length]));
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['a bad cursor', { first: 5, after: 'not-a-cursor' }, 'after'],
    ['more than 100', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    expect(await refusal(hr, LIST, variables)).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});

describe('layoffReports: statements', () => {
  it('costs the page and the count, and one more for the enterprises, whatever the page size', async () => {
    const statements = async (selection: string, first: number) => {
      hr.subgraph.queries.reset();
      const response = await hr.query(listQuery('layoffReports', 'LayoffReportFilter', selection), {
        filter: { meetsNoticePeriod: true },
        first,
      });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.layoffReports.nodes).toHaveLength(Math.min(first, reports().length));
      return hr.subgraph.queries.count;
    };
    expect(await statements('reportNo reason meetsNoticePeriod', 2)).toBe(2);
    expect(await statements('reportNo reason meetsNoticePeriod', 100)).toBe(2);
    expect(await statements('reportNo enterprise { creditCode district }', 2)).toBe(3);
    expect(await statements('reportNo enterprise { creditCode district }', 100)).toBe(3);
  });
});

describe('layoffReports: who may filter on what', () => {
  it("lets another department use every filter (all PUBLIC); the reports' SHARED fields stay null and FORBIDDEN", async () => {
    const want = expected((r) => r.plannedCount >= 60);
    const response = await hr.query(
      listQuery('layoffReports', 'LayoffReportFilter', 'reportNo plannedCount reason'),
      { filter: { plannedCountAtLeast: 60, meetsNoticePeriod: true, reportedOn: { to: TEST_AS_OF } }, first: 100 },
      asPrincipal(Department.COURT, Role.CASEWORKER),
    );
    const { nodes, totalCount } = response.body.data.layoffReports;
    expect(nodes.map((n: { reportNo: string }) => n.reportNo)).toEqual(want);
    expect(totalCount).toBe(want.length);
    expect(nodes.every((n: { reason: unknown }) => n.reason === null)).toBe(true);
    expect(response.body.errors).toHaveLength(want.length);
    for (const error of response.body.errors!) {
      expect(error).toMatchObject({
        message: 'Not allowed for your department or role: LayoffReport.reason',
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });
});

describe('layoffReports: bad filters', () => {
  it.each([
    ['a date range that ends before it starts', { effectiveOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.effectiveOn.to'],
    ['no workers', { plannedCountAtLeast: 0 }, 'filter.plannedCountAtLeast'],
    ['a credit code that fails its check', { enterprise: '91110302MA0B000010' }, 'filter.enterprise'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, filter, field) => {
    expect(await refusal(hr, LIST, { filter, first: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', field, data: null });
  });
});

// Last: it files a report of its own, which the world does not have.
describe('layoffReports: the 30-day notice', () => {
  it('meetsNoticePeriod tells the reports that came 30 days ahead from those that did not, as each report says of itself', async () => {
    // Every report of the demo world came in time: file one that did not.
    expect(reports().every((r) => daysBetween(r.reportedOn, r.effectiveOn) >= 30)).toBe(true);
    const filed = await hr.query(
      `mutation ($input: CreateLayoffReportInput!) { createLayoffReport(input: $input) { reportNo meetsNoticePeriod } }`,
      {
        input: {
          reportNo: 'CY-2026-09901',
          enterpriseCreditCode: reports()[0]!.enterpriseCreditCode,
          plannedCount: 25,
          reason: '生产经营发生严重困难',
          reportedOn: '2026-11-01',
          effectiveOn: '2026-11-30',
          placementPlan: '依法支付经济补偿',
        },
      },
    );
    expect(filed.body.data.createLayoffReport).toEqual({ reportNo: 'CY-2026-09901', meetsNoticePeriod: false });
    const late = await walkList(hr, 'layoffReports', LIST, 'reportNo', { meetsNoticePeriod: false }, 100);
    expect(late.keys).toEqual(['CY-2026-09901']);
    const inTime = await walkList(hr, 'layoffReports', LIST, 'reportNo', { meetsNoticePeriod: true }, 2);
    expect(inTime.keys).toEqual(expected(() => true));
  });
});
