import { Department, mediationDueOn, Role } from '@labour/shared';
import { generateWorld, type DemoPeopleMediationCase } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { justiceSubgraph } from '../definition';
import { LIST_CLOCK, LIST_TODAY, newestFirst, refusal, statementsFor, walkPages } from '../lists/list.fixtures';

const LIST = /* GraphQL */ `query ($filter: PeopleMediationCaseFilter, $first: Int!, $after: String) {
  peopleMediationCases(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { caseNo } }
}`;

const world = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
const CASES = world.justice.peopleMediationCases;
const districtOf = new Map(world.justice.committees.map((c) => [c.code, c.district]));
const running = useSubgraph(justiceSubgraph, { demo: true, clock: LIST_CLOCK });

type Case = DemoPeopleMediationCase;
/** The world's cases that `keep` keeps, in the list's order. */
const expected = (keep: (c: Case) => boolean) => newestFirst(CASES.filter(keep), (c) => c.appliedOn);
/** What the list gives for a filter, walking pages of 100 (as the justice bureau's caseworker, the default). */
const listed = (filter: Record<string, unknown> | null, first = 100, headers?: Record<string, string>) =>
  walkPages(running, LIST, 'peopleMediationCases', filter, first, headers);

const overdue = (c: Case) => c.status !== 'CLOSED' && mediationDueOn(c.appliedOn) < LIST_TODAY;
const within = (day: string | null, from: string, to: string) => !!day && day >= from && day <= to;
const COMMITTEE = CASES.map((c) => c.committeeCode).find((code, i, all) => all.indexOf(code) !== i)!;
const ENTERPRISE = CASES.map((c) => c.enterpriseCreditCode).find((code, i, all) => all.indexOf(code) !== i)!;
const DISPUTES = [CASES[5]!.disputeNo, CASES[60]!.disputeNo, CASES[120]!.disputeNo, 'LD-JU-2026-999999'];

describe('peopleMediationCases: each filter gives exactly the cases the world says, newest application first', () => {
  it.each<[string, Record<string, unknown>, (c: Case) => boolean]>([
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
  ])('%s', async (_name, filter, keep) => {
    const want = expected(keep);
    // Each filter picks some cases and leaves others, so that the answer tells it ran.
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(CASES.length);
    expect(await listed(filter)).toEqual(want);
  });

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
    const want = expected(
      (c) => c.outcome === 'AGREED' && districtOf.get(c.committeeCode) === '核心区' && !!c.closedOn && c.closedOn >= '2025-01-01',
    );
    expect(want.length).toBeGreaterThan(5);
    expect(await listed(filter)).toEqual(want);
  });
});

describe('peopleMediationCases: pages', () => {
  it('walks every case once in pages of 7, in order, the last page saying no more follow', async () => {
    // Same-day applications, so that pages end inside a day.
    expect(new Set(CASES.map((c) => c.appliedOn)).size).toBeLessThan(CASES.length);
    expect(await listed(null, 7)).toEqual(expected(() => true));
    expect(await listed({ district: '核心区' }, 7)).toEqual(expected((c) => districtOf.get(c.committeeCode) === '核心区'));
  });

  it('gives 20 by default, and refuses 101 and a cursor it did not give out (BAD_USER_INPUT)', async () => {
    const byDefault = await running.query(`{ peopleMediationCases { totalCount nodes { caseNo } } }`);
    expect(byDefault.body.data.peopleMediationCases.nodes).toHaveLength(20);
    expect(byDefault.body.data.peopleMediationCases.totalCount).toBe(CASES.length);
    expect(refusal((await running.query(LIST, { first: 101 })).body)).toEqual({ code: 'BAD_USER_INPUT', field: 'first', errors: 1 });
    const badCursor = await running.query(LIST, { first: 5, after: 'bm90IGEgY3Vyc29y' });
    expect(refusal(badCursor.body)).toEqual({ code: 'BAD_USER_INPUT', field: 'after', errors: 1 });
  });

  it("costs three statements (the page, the count, the page's committees), whatever the page size and filters", async () => {
    const query = /* GraphQL */ `query ($filter: PeopleMediationCaseFilter, $first: Int!) {
      peopleMediationCases(filter: $filter, first: $first) {
        totalCount pageInfo { hasNextPage }
        nodes { caseNo status dueOn overdue committee { code district } enterprise { creditCode } dispute { disputeNo } }
      }
    }`;
    for (const first of [1, 20, 100]) {
      expect(await statementsFor(running, query, { first })).toBe(3);
      expect(await statementsFor(running, query, { first, filter: { district: '核心区', overdue: false, outcome: ['AGREED'] } })).toBe(3);
    }
  });
});

describe('peopleMediationCases: bad filters are refused before any SQL, naming the argument', () => {
  it.each<[string, Record<string, unknown>, string]>([
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
  ])('%s', async (_name, filter, field) => {
    running.subgraph.queries.reset();
    const { body } = await running.query(LIST, { filter, first: 5 });
    expect(body.data ?? null).toBeNull();
    expect(refusal(body)).toEqual({ code: 'BAD_USER_INPUT', field, errors: 1 });
    expect(running.subgraph.queries.count).toBe(0);
  });
});

describe('peopleMediationCases: every filter is on a PUBLIC field, open to every caller', () => {
  const filter = { status: ['CLOSED'], outcome: ['FAILED'], appliedOn: { from: '2024-01-01' }, district: '核心区', overdue: false };
  const want = expected((c) => c.outcome === 'FAILED' && districtOf.get(c.committeeCode) === '核心区');

  it.each([
    ['another department', asPrincipal(Department.COURT, Role.CASEWORKER)],
    ["the justice bureau's analyst", asPrincipal(Department.JUSTICE, Role.ANALYST)],
  ])('lets %s filter, and gives it the SHARED summary of each case as anywhere else: null and FORBIDDEN', async (_who, headers) => {
    expect(want.length).toBeGreaterThan(0);
    expect(await listed(filter, 100, headers)).toEqual(want);
    const { body } = await running.query(
      `query ($filter: PeopleMediationCaseFilter) { peopleMediationCases(filter: $filter) { nodes { caseNo summary } } }`,
      { filter },
      headers,
    );
    expect(body.data.peopleMediationCases.nodes).toEqual(want.map((caseNo) => ({ caseNo, summary: null })));
    expect(body.errors).toHaveLength(want.length);
    expect(body.errors!.every((e) => e.extensions?.['code'] === 'FORBIDDEN')).toBe(true);
  });
});
