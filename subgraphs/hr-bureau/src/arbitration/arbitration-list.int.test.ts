import { arbitrationAcceptanceDueOn, arbitrationAwardDueOn, Department, Role } from '@labour/shared';
import type { DemoArbitrationCase } from '@labour/demo-world';
import { demoWorld, describeCaseList, listQuery, newestFirst } from '@labour/testing/case-list';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';

/** `arbitrationCases`: the root list of arbitration cases, its filters, pages, statements and who may filter on what. */
const hr = useSubgraph(hrBureauSubgraph, { demo: true });

const DISTRICTS = new Map(demoWorld().hr.enterprises.map((e) => [e.creditCode, e.district]));
const districtOf = (creditCode: string): string => DISTRICTS.get(creditCode)!;

const cases = () => demoWorld().hr.arbitrationCases;
/** As the subgraph keeps `dueOn` (the deadline of the open stage) when it loads the demo world. */
const dueOn = (c: DemoArbitrationCase): string | null =>
  c.status === 'FILED'
    ? arbitrationAcceptanceDueOn(c.filedOn)
    : c.status === 'ACCEPTED'
      ? arbitrationAwardDueOn(c.acceptedOn!, c.extended)
      : null;
const within = (day: string | null, from = '0000-00-00', to = '9999-99-99') => day !== null && day >= from && day <= to;
const expected = (match: (c: DemoArbitrationCase) => boolean) => newestFirst(cases().filter(match), 'filedOn', 'caseNo');
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

const inCore = (c: DemoArbitrationCase) => districtOf(c.respondentCreditCode) === '核心区';

describeCaseList({
  running: hr,
  list: 'arbitrationCases',
  filterType: 'ArbitrationCaseFilter',
  rows: cases,
  date: 'filedOn',
  key: 'caseNo',
  filters: [
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
      (c) => c.filedOn >= '2026-01-01' && c.status === 'CLOSED' && c.outcome === 'AWARD' && inCore(c),
    ],
    ['overdue and status together', () => ({ overdue: false, status: ['ACCEPTED'] }), (c) => !overdue(c) && c.status === 'ACCEPTED'],
  ],
  none: [{ disputeNos: ['LD-CT-2026-999999'] }],
  badFilters: [
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
  ],
  statements: {
    filter: { district: '核心区' },
    keep: inCore,
    firsts: [3, 100],
    costs: [
      ['the page and the count', 'caseNo claims overdue dispute { disputeNo }', 2],
      ['and one more for the respondents of the page', 'caseNo respondent { creditCode district }', 3],
    ],
  },
  publicFilters: {
    filter: { status: ['CLOSED'], district: '台湖镇', filedOn: { from: '2026-01-01' } },
    keep: (c) => c.status === 'CLOSED' && districtOf(c.respondentCreditCode) === '台湖镇' && c.filedOn >= '2026-01-01',
    shared: ['claims'],
    visible: (c) => ({ status: c.status }),
    callers: [['another department', asPrincipal(Department.UNION, Role.CASEWORKER)]],
  },
  sharedFilter: {
    filter: { status: ['CLOSED'], claimAmountAtLeast: '80000' },
    field: 'claimAmountAtLeast',
    on: 'claimAmount',
    callers: [
      ['another department', asPrincipal(Department.UNION, Role.CASEWORKER)],
      // The court reads claim amounts of ended cases over its channel, case by case: a channel opens no search.
      ['the department a channel grants the field to', asPrincipal(Department.COURT, Role.CASEWORKER)],
      ["the bureau's own analyst", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
    ],
  },
});

describe('arbitrationCases: the SHARED claims', () => {
  it("lets the bureau's own caseworker filter on claimAmount and read the claims", async () => {
    const response = await hr.query(
      listQuery('arbitrationCases', 'ArbitrationCaseFilter', 'caseNo status claims'),
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
