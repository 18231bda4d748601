import { Department, mediationDueOn, Role } from '@labour/shared';
import type { DemoPeopleMediationCase } from '@labour/demo-world';
import { demoWorld, describeCaseList } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { justiceSubgraph } from '../definition';
import { LIST_CLOCK, LIST_TODAY, newestFirst, walkPages } from '../lists/list.fixtures';

const LIST = /* GraphQL */ `query ($filter: PeopleMediationCaseFilter, $first: Int!, $after: String) {
  peopleMediationCases(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { caseNo } }
}`;

const world = demoWorld();
const CASES = world.justice.peopleMediationCases;
const districtOf = new Map(world.justice.committees.map((c) => [c.code, c.district]));
const EVERYTHING = 'caseNo status dueOn overdue committee { code district } enterprise { creditCode } dispute { disputeNo }';
const running = useSubgraph(justiceSubgraph, { demo: true, clock: LIST_CLOCK });

type Case = DemoPeopleMediationCase;
/** The world's cases that `keep` keeps, in the list's order. */
const expected = (keep: (c: Case) => boolean) => newestFirst(CASES.filter(keep), (c) => c.appliedOn);
/** What the list gives for a filter, walking pages of 100 as the justice bureau's caseworker. */
const listed = (filter: Record<string, unknown>) => walkPages(running, LIST, 'peopleMediationCases', filter, 100);

const overdue = (c: Case) => c.status !== 'CLOSED' && mediationDueOn(c.appliedOn) < LIST_TODAY;
const within = (day: string | null, from: string, to: string) => !!day && day >= from && day <= to;
const COMMITTEE = CASES.map((c) => c.committeeCode).find((code, i, all) => all.indexOf(code) !== i)!;
const ENTERPRISE = CASES.map((c) => c.enterpriseCreditCode).find((code, i, all) => all.indexOf(code) !== i)!;
const DISPUTES = [CASES[5]!.disputeNo, CASES[60]!.disputeNo, CASES[120]!.disputeNo, 'LD-JU-2026-999999'];

const inCore = (c: Case) => districtOf.get(c.committeeCode) === '核心区';

describeCaseList({
  running,
  list: 'peopleMediationCases',
  filterType: 'PeopleMediationCaseFilter',
  rows: () => CASES,
  date: 'appliedOn',
  key: 'caseNo',
  filters: [
    ['status', { status: ['APPLIED', 'MEDIATING'] }, (c) => c.status !== 'CLOSED'],
    ['outcome', { outcome: ['FAILED', 'WITHDRAWN'] }, (c) => c.outcome === 'FAILED' || c.outcome === 'WITHDRAWN'],
    ['appliedOn', { appliedOn: { from: '2025-04-01', to: '2025-06-30' } }, (c) => within(c.appliedOn, '2025-04-01', '2025-06-30')],
    ['appliedOn, open end', { appliedOn: { from: '2026-10-01' } }, (c) => c.appliedOn >= '2026-10-01'],
    ['dueOn', { dueOn: { from: '2026-11-01', to: LIST_TODAY } }, (c) => within(mediationDueOn(c.appliedOn), '2026-11-01', LIST_TODAY)],
    ['closedOn', { closedOn: { from: '2025-01-01', to: '2025-12-31' } }, (c) => within(c.closedOn, '2025-01-01', '2025-12-31')],
    ['overdue', { overdue: true }, overdue],
    ['not overdue', { overdue: false }, (c) => !overdue(c)],
    ['district', { district: '台湖镇' }, (c) => districtOf.get(c.committeeCode) === '台湖镇'],
    ['committee', { committee: COMMITTEE }, (c) => c.committeeCode === COMMITTEE],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    ['disputeNos', { disputeNos: DISPUTES }, (c) => DISPUTES.includes(c.disputeNo)],
  ],
  walks: [{ first: 7 }, { first: 7, filter: { district: '核心区' }, keep: inCore }],
  badFilters: [
    ['a span that ends before it starts', { closedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.closedOn.to'],
    ['a due span that ends before it starts', { dueOn: { from: '2026-09-30', to: '2026-09-29' } }, 'filter.dueOn.to'],
    [
      'more than 100 disputes',
      { disputeNos: Array.from({ length: 101 }, (_, i) => `LD-JU-2026-${String(i).padStart(6, '0')}`) },
      'filter.disputeNos',
    ],
    ['an empty district', { district: '' }, 'filter.district'],
    ['a credit code that is none', { enterprise: '91110302MA01ABCD13' }, 'filter.enterprise'],
    ['an empty list of outcomes', { outcome: [] }, 'filter.outcome'],
  ],
  statements: {
    firsts: [1, 20, 100],
    costs: [
      ["the page, the count and the page's committees", EVERYTHING, 3],
      [
        "the page, the count and the page's committees, filtered",
        EVERYTHING,
        3,
        { district: '核心区', overdue: false, outcome: ['AGREED'] },
      ],
    ],
  },
  // Every filter is on a PUBLIC field, open to every caller.
  publicFilters: {
    filter: { status: ['CLOSED'], outcome: ['FAILED'], appliedOn: { from: '2024-01-01' }, district: '核心区', overdue: false },
    keep: (c) => c.outcome === 'FAILED' && inCore(c),
    shared: ['summary'],
    callers: [
      ['another department', asPrincipal(Department.COURT, Role.CASEWORKER)],
      ["the justice bureau's analyst", asPrincipal(Department.JUSTICE, Role.ANALYST)],
    ],
  },
});

describe('peopleMediationCases: filters and pages', () => {
  it('counts a case as overdue from the day after its dueOn, as its `overdue` field does', async () => {
    // In the world, open cases are due before, on and after LIST_TODAY.
    const open = CASES.filter((c) => c.status !== 'CLOSED').map((c) => mediationDueOn(c.appliedOn));
    expect([open.some((d) => d < LIST_TODAY), open.includes(LIST_TODAY), open.some((d) => d > LIST_TODAY)]).toEqual([true, true, true]);
    const { body } = await running.query(`{ peopleMediationCases(filter: { status: [APPLIED, MEDIATING] }) { nodes { caseNo overdue } } }`);
    const fieldSays = body.data.peopleMediationCases.nodes
      .filter((n: { overdue: boolean }) => n.overdue)
      .map((n: { caseNo: string }) => n.caseNo);
    expect(await listed({ overdue: true })).toEqual(fieldSays);
  });

  it('filters together (AND)', async () => {
    const filter = { status: ['CLOSED'], outcome: ['AGREED'], district: '核心区', closedOn: { from: '2025-01-01' }, overdue: false };
    const want = expected((c) => c.outcome === 'AGREED' && inCore(c) && !!c.closedOn && c.closedOn >= '2025-01-01');
    expect(want.length).toBeGreaterThan(5);
    expect(await listed(filter)).toEqual(want);
  });

  it('has same-day applications, so that pages end inside a day', () => {
    expect(new Set(CASES.map((c) => c.appliedOn)).size).toBeLessThan(CASES.length);
  });
});
