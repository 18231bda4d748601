import { Department, Role } from '@labour/shared';
import type { DemoInspection } from '@labour/demo-world';
import { demoWorld, describeCaseList, listQuery, newestFirst, walkList } from '@labour/testing/case-list';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';

/** `laborInspections`: the root list of labour-security inspections, its filters, pages, statements and who may filter. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

const DISTRICTS = new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]));
const districtOf = (creditCode: string): string => DISTRICTS.get(creditCode)!;

const LIST = listQuery('laborInspections', 'LaborInspectionFilter', 'inspectionNo inspectedOn');
const inspections = () => demoWorld().hr.inspections;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (i: DemoInspection) => boolean) => newestFirst(inspections().filter(match), 'inspectedOn', 'inspectionNo');
/** As `LaborInspection.overdue`. */
const overdue = (i: DemoInspection) => i.status === 'RECTIFYING' && i.rectificationDueOn !== null && i.rectificationDueOn < TEST_AS_OF;
/** The enterprise inspected most often (ties by credit code). */
const mostInspected = () => {
  const counts = new Map<string, number>();
  for (const i of inspections()) counts.set(i.enterpriseCreditCode, (counts.get(i.enterpriseCreditCode) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
};

const inCore = (i: DemoInspection) => districtOf(i.enterpriseCreditCode) === '核心区';

describeCaseList({
  running: hr,
  list: 'laborInspections',
  filterType: 'LaborInspectionFilter',
  rows: inspections,
  date: 'inspectedOn',
  key: 'inspectionNo',
  filters: [
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
      (i) => i.kind === 'RANDOM' && i.violationFound && i.inspectedOn >= '2025-01-01' && inCore(i),
    ],
  ],
  badFilters: [
    ['an inspection range that ends before it starts', { inspectedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.inspectedOn.to'],
    [
      'a deadline range that ends before it starts',
      { rectificationDueOn: { from: '2026-09-30', to: '2026-07-01' } },
      'filter.rectificationDueOn.to',
    ],
    ['a credit code that fails its check', { enterprise: '91110302MA0B000010' }, 'filter.enterprise'],
    ['an empty district', { district: '' }, 'filter.district'],
  ],
  statements: {
    filter: { kind: ['RANDOM'] },
    keep: (i) => i.kind === 'RANDOM',
    firsts: [3, 100],
    costs: [
      ['the page and the count', 'inspectionNo findings overdue', 2],
      ['and one more for the enterprises of the page', 'inspectionNo enterprise { creditCode district }', 3],
    ],
  },
  publicFilters: {
    filter: { status: ['CLOSED'], kind: ['COMPLAINT'], violationFound: true, district: '核心区', overdue: false, closedOn: {} },
    keep: (i) => i.status === 'CLOSED' && i.kind === 'COMPLAINT' && i.violationFound && inCore(i),
    shared: ['findings'],
    visible: (i) => ({ status: i.status }),
    callers: [
      ['another department', asPrincipal(Department.UNION, Role.CASEWORKER)],
      ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
    ],
  },
});

describe('laborInspections: overdue', () => {
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
