import { addDays, Department, Role } from '@labour/shared';
import type { DemoLegalAidCase } from '@labour/demo-world';
import { demoWorld, describeCaseList } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { justiceSubgraph } from '../definition';
import { CREATE_LEGAL_AID, legalAidInput } from '../justice.fixtures';
import { LIST_CLOCK, LIST_TODAY, newestFirst, walkPages } from '../lists/list.fixtures';

const LIST = /* GraphQL */ `query ($filter: LegalAidCaseFilter, $first: Int!, $after: String) {
  legalAidCases(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { caseNo } }
}`;

const world = demoWorld();
const CASES = world.justice.legalAidCases;
const EVERYTHING = 'caseNo status appliedOn decisionDueOn overdue lawyer enterprise { creditCode } dispute { disputeNo }';
const running = useSubgraph(justiceSubgraph, { demo: true, clock: LIST_CLOCK });

/** The world's cases that `keep` keeps, in the list's order. */
const expected = (keep: (c: DemoLegalAidCase) => boolean) => newestFirst(CASES.filter(keep), (c) => c.appliedOn);
/** What the list gives for a filter, walking pages of 100 (as the justice bureau's caseworker, the default). */
const listed = (filter: Record<string, unknown>, headers?: Record<string, string>) =>
  walkPages(running, LIST, 'legalAidCases', filter, 100, headers);

const overdue = (c: DemoLegalAidCase) => c.status === 'APPLIED' && addDays(c.appliedOn, 7) < LIST_TODAY;
const ENTERPRISE = CASES.map((c) => c.enterpriseCreditCode).find((code, i, all) => all.indexOf(code) !== i)!;
const DISPUTES = [CASES[3]!.disputeNo, CASES[40]!.disputeNo, CASES[77]!.disputeNo, 'LD-JU-2026-999999'];

const court = asPrincipal(Department.COURT, Role.CASEWORKER);
const analyst = asPrincipal(Department.JUSTICE, Role.ANALYST);

describeCaseList({
  running,
  list: 'legalAidCases',
  filterType: 'LegalAidCaseFilter',
  rows: () => CASES,
  date: 'appliedOn',
  key: 'caseNo',
  filters: [
    ['status', { status: ['APPLIED', 'REFUSED'] }, (c) => c.status === 'APPLIED' || c.status === 'REFUSED'],
    [
      'appliedOn',
      { appliedOn: { from: '2026-07-01', to: '2026-09-30' } },
      (c) => c.appliedOn >= '2026-07-01' && c.appliedOn <= '2026-09-30',
    ],
    [
      'appliedOn, one day (both ends included)',
      { appliedOn: { from: CASES[0]!.appliedOn, to: CASES[0]!.appliedOn } },
      (c) => c.appliedOn === CASES[0]!.appliedOn,
    ],
    ['appliedOn, open start', { appliedOn: { to: '2024-03-31' } }, (c) => c.appliedOn <= '2024-03-31'],
    ['grantedOn', { grantedOn: { from: '2025-01-01', to: '2025-12-31' } }, (c) => !!c.grantedOn && c.grantedOn.startsWith('2025')],
    ['overdue', { overdue: true }, overdue],
    ['not overdue', { overdue: false }, (c) => !overdue(c)],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    [
      'eligibilityBasis',
      { eligibilityBasis: ['MIGRANT_WAGE_CLAIM', 'OTHER'] },
      (c) => ['MIGRANT_WAGE_CLAIM', 'OTHER'].includes(c.eligibilityBasis),
    ],
    ['disputeNos', { disputeNos: DISPUTES }, (c) => DISPUTES.includes(c.disputeNo)],
  ],
  walks: [
    { first: 7 },
    { first: 7, filter: { eligibilityBasis: ['MIGRANT_WAGE_CLAIM'] }, keep: (c) => c.eligibilityBasis === 'MIGRANT_WAGE_CLAIM' },
  ],
  badFilters: [
    ['a span that ends before it starts', { appliedOn: { from: '2026-09-30', to: '2026-07-01' } }, 'filter.appliedOn.to'],
    ['a grant span that ends before it starts', { grantedOn: { from: '2026-09-30', to: '2026-09-29' } }, 'filter.grantedOn.to'],
    [
      'more than 100 disputes',
      { disputeNos: Array.from({ length: 101 }, (_, i) => `LD-JU-2026-${String(i).padStart(6, '0')}`) },
      'filter.disputeNos',
    ],
    ['a dispute number of the wrong form', { disputeNos: ['LD-JU-2026-1'] }, 'filter.disputeNos'],
    ['a credit code that is none', { enterprise: '91110302MA01ABCD13' }, 'filter.enterprise'],
    ['an empty list of stages', { status: [] }, 'filter.status'],
  ],
  statements: {
    firsts: [1, 20, 100],
    costs: [
      ['the page and the count', EVERYTHING, 2],
      ['the page and the count, filtered', EVERYTHING, 2, { overdue: false, status: ['CLOSED'], eligibilityBasis: ['OTHER'] }],
    ],
  },
  publicFilters: {
    filter: { status: ['APPLIED', 'REFUSED'], appliedOn: { from: '2025-01-01' } },
    keep: (c) => ['APPLIED', 'REFUSED'].includes(c.status) && c.appliedOn >= '2025-01-01',
    shared: ['eligibilityBasis'],
    callers: [['another department', court]],
  },
  sharedFilter: {
    filter: { status: ['CLOSED'], eligibilityBasis: ['MIGRANT_WAGE_CLAIM'] },
    field: 'eligibilityBasis',
    on: 'eligibilityBasis',
    callers: [
      ['another department', court],
      ["the justice bureau's analyst", analyst],
    ],
  },
});

describe('legalAidCases: filters and pages', () => {
  it('every filter together (AND)', async () => {
    const filter = {
      status: ['GRANTED', 'CLOSED'],
      appliedOn: { from: '2025-01-01' },
      overdue: false,
      eligibilityBasis: ['ECONOMIC_HARDSHIP', 'WORK_INJURY'],
      grantedOn: { to: '2026-10-31' },
    };
    const want = expected(
      (c) =>
        ['GRANTED', 'CLOSED'].includes(c.status) &&
        c.appliedOn >= '2025-01-01' &&
        ['ECONOMIC_HARDSHIP', 'WORK_INJURY'].includes(c.eligibilityBasis) &&
        !!c.grantedOn &&
        c.grantedOn <= '2026-10-31',
    );
    expect(want.length).toBeGreaterThan(5);
    expect(await listed(filter)).toEqual(want);
    const withEnterprise = CASES.find((c) => want.includes(c.caseNo))!.enterpriseCreditCode;
    expect(await listed({ ...filter, enterprise: withEnterprise })).toEqual(
      want.filter((caseNo) => CASES.find((c) => c.caseNo === caseNo)!.enterpriseCreditCode === withEnterprise),
    );
  });

  it('an empty span: every case', async () => {
    expect(await listed({ appliedOn: {} })).toEqual(expected(() => true));
  });

  it('has same-day applications, so that pages end inside a day', () => {
    expect(new Set(CASES.map((c) => c.appliedOn)).size).toBeLessThan(CASES.length);
  });

  it("lets the justice bureau's analyst use the PUBLIC filters", async () => {
    const enterprise = CASES.find(overdue)!.enterpriseCreditCode;
    const want = expected((c) => overdue(c) && c.enterpriseCreditCode === enterprise);
    expect(want.length).toBeGreaterThan(0);
    expect(await listed({ overdue: true, enterprise }, analyst)).toEqual(want);
  });
});

describe('legalAidCases: overdue from the day after decisionDueOn', () => {
  const fresh = useSubgraph(justiceSubgraph, { clock: LIST_CLOCK }, 60_000);
  // Applied 7 days ago: decided today at the latest, not late yet; 8 days ago: late since today.
  const applied = { dueToday: addDays(LIST_TODAY, -7), dueYesterday: addDays(LIST_TODAY, -8) };

  beforeAll(async () => {
    for (const [n, appliedOn] of [applied.dueToday, applied.dueYesterday].entries()) {
      const input = legalAidInput({ caseNo: `京开法援〔2026〕第000${n + 1}号`, disputeNo: `LD-JU-2026-00000${n + 1}`, appliedOn });
      expect((await fresh.query(CREATE_LEGAL_AID, { input })).body.errors).toBeUndefined();
    }
  });

  it('lists a case due today as not overdue, one due yesterday as overdue, as their `overdue` fields say', async () => {
    const list = (overdue: boolean) => walkPages(fresh, LIST, 'legalAidCases', { overdue }, 5);
    expect(await list(true)).toEqual(['京开法援〔2026〕第0002号']);
    expect(await list(false)).toEqual(['京开法援〔2026〕第0001号']);
    const { body } = await fresh.query(`{ legalAidCases { nodes { caseNo decisionDueOn overdue } } }`);
    expect(body.data.legalAidCases.nodes).toEqual([
      { caseNo: '京开法援〔2026〕第0001号', decisionDueOn: LIST_TODAY, overdue: false },
      { caseNo: '京开法援〔2026〕第0002号', decisionDueOn: addDays(LIST_TODAY, -1), overdue: true },
    ]);
  });
});
