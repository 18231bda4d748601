import { Department, Role } from '@labour/shared';
import type { DemoWageArrearsAlert } from '@labour/demo-world';
import { demoWorld, describeCaseList, listQuery, newestFirst } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';

/** `wageArrearsAlerts`: the root list of wage-arrears warnings, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

const DISTRICTS = new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]));
const districtOf = (creditCode: string): string => DISTRICTS.get(creditCode)!;

const alerts = () => demoWorld().hr.wageArrearsAlerts;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (a: DemoWageArrearsAlert) => boolean) => newestFirst(alerts().filter(match), 'raisedOn', 'alertNo');
/** The district with the most warnings (ties by name). */
const busiestDistrict = () => {
  const counts = new Map<string, number>();
  for (const a of alerts()) counts.set(districtOf(a.enterpriseCreditCode), (counts.get(districtOf(a.enterpriseCreditCode)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

describeCaseList({
  running: hr,
  list: 'wageArrearsAlerts',
  filterType: 'WageArrearsAlertFilter',
  rows: alerts,
  date: 'raisedOn',
  key: 'alertNo',
  filters: [
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
  ],
  badFilters: [
    ['a date range that ends before it starts', { raisedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.raisedOn.to'],
    ['no workers', { workersAffectedAtLeast: 0 }, 'filter.workersAffectedAtLeast'],
    ['a negative amount', { amountOwedAtLeast: '-5' }, 'filter.amountOwedAtLeast'],
  ],
  statements: {
    keep: () => true,
    firsts: [2, 100],
    costs: [
      ['the page and the count', 'alertNo project open', 2],
      ['and one more for the enterprises of the page', 'alertNo enterprise { creditCode district }', 3],
    ],
  },
  publicFilters: {
    filter: { level: ['ORANGE'], open: false },
    keep: (a) => a.level === 'ORANGE' && a.resolvedOn !== null,
    shared: ['project', 'amountOwed'],
    visible: (a) => ({ level: a.level }),
    callers: [['another department', asPrincipal(Department.COURT, Role.CASEWORKER)]],
  },
  sharedFilter: {
    filter: { amountOwedAtLeast: '400000' },
    field: 'amountOwedAtLeast',
    on: 'amountOwed',
    callers: [
      ['another department', asPrincipal(Department.COURT, Role.CASEWORKER)],
      // The union reads the amounts of open warnings over its channel, warning by warning: a channel opens no search.
      ['the department a channel grants the field to', asPrincipal(Department.UNION, Role.CASEWORKER)],
      ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
    ],
  },
});

describe('wageArrearsAlerts: the SHARED amounts', () => {
  it("lets the bureau's own caseworker filter on amountOwed", async () => {
    const response = await hr.query(
      listQuery('wageArrearsAlerts', 'WageArrearsAlertFilter', 'alertNo level project amountOwed'),
      { filter: { amountOwedAtLeast: '400000' }, first: 100 },
      asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.wageArrearsAlerts.nodes.map((n: { alertNo: string }) => n.alertNo)).toEqual(
      expected((a) => Number(a.amountOwed) >= 400_000),
    );
  });
});
