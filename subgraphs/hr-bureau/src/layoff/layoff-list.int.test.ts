import { daysBetween, Department, Role } from '@labour/shared';
import type { DemoLayoffReport } from '@labour/demo-world';
import { demoWorld, describeCaseList, listQuery, newestFirst, walkList } from '@labour/testing/case-list';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';

/** `layoffReports`: the root list of mass-layoff reports, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

const DISTRICTS = new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]));
const districtOf = (creditCode: string): string => DISTRICTS.get(creditCode)!;

const reports = () => demoWorld().hr.layoffReports;
const within = (day: string, from = '0000-00-00', to = '9999-99-99') => day >= from && day <= to;
const expected = (match: (r: DemoLayoffReport) => boolean) => newestFirst(reports().filter(match), 'reportedOn', 'reportNo');

describeCaseList({
  running: hr,
  list: 'layoffReports',
  filterType: 'LayoffReportFilter',
  rows: reports,
  date: 'reportedOn',
  key: 'reportNo',
  filters: [
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
  ],
  walks: [{ first: 4 }],
  badFilters: [
    ['a date range that ends before it starts', { effectiveOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.effectiveOn.to'],
    ['no workers', { plannedCountAtLeast: 0 }, 'filter.plannedCountAtLeast'],
    ['a credit code that fails its check', { enterprise: '91110302MA0B000010' }, 'filter.enterprise'],
  ],
  statements: {
    filter: { meetsNoticePeriod: true },
    keep: () => true,
    firsts: [2, 100],
    costs: [
      ['the page and the count', 'reportNo reason meetsNoticePeriod', 2],
      ['and one more for the enterprises of the page', 'reportNo enterprise { creditCode district }', 3],
    ],
  },
  publicFilters: {
    filter: { plannedCountAtLeast: 60, meetsNoticePeriod: true, reportedOn: { to: TEST_AS_OF } },
    keep: (r) => r.plannedCount >= 60,
    shared: ['reason'],
    visible: (r) => ({ plannedCount: r.plannedCount }),
    callers: [['another department', asPrincipal(Department.COURT, Role.CASEWORKER)]],
  },
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
    const LIST = listQuery('layoffReports', 'LayoffReportFilter', 'reportNo reportedOn');
    const late = await walkList(hr, 'layoffReports', LIST, 'reportNo', { meetsNoticePeriod: false }, 100);
    expect(late.keys).toEqual(['CY-2026-09901']);
    const inTime = await walkList(hr, 'layoffReports', LIST, 'reportNo', { meetsNoticePeriod: true }, 2);
    expect(inTime.keys).toEqual(expected(() => true));
  });
});
