import { Department, Role } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { listQuery } from '@labour/testing/case-list';
import { newestFirst, walkPages, type Page } from '../list.fixtures';

/** The world the subgraph loads with `demo: true`, its aid in the list's order: what the list must answer, exactly. */
const AIDS = newestFirst((generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World).union.hardshipAids, 'grantedOn', 'aidNo');
type Aid = (typeof AIDS)[number];
const within = (day: string, from: string, to: string) => from <= day && day <= to;
const ENTERPRISE = AIDS.find((a) => a.enterpriseCreditCode)!.enterpriseCreditCode!;

const LIST = listQuery('hardshipAids', 'HardshipAidFilter', 'aidNo');
const CASEWORKER = asPrincipal(Department.UNION, Role.CASEWORKER);
const ANALYST = asPrincipal(Department.UNION, Role.ANALYST);
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

describe('union subgraph: the hardshipAids list', () => {
  const union = useSubgraph(unionSubgraph, { demo: true });

  /** The first page (up to 100) and the total, as the world says. */
  async function expectPage(filter: object | null, expected: Aid[], headers?: Record<string, string>) {
    const { body } = await union.query(LIST, { filter, first: 100 }, headers);
    expect(body.errors).toBeUndefined();
    const page = body.data.hardshipAids as Page<{ aidNo: string }>;
    expect(page.nodes.map((a) => a.aidNo)).toEqual(expected.slice(0, 100).map((a) => a.aidNo));
    expect(page.totalCount).toBe(expected.length);
  }

  it('lists every record, the latest grant first and same-day grants by aid number', async () => {
    await expectPage(null, AIDS);
  });

  it.each<[string, object, (a: Aid) => boolean]>([
    ['kind', { kind: ['MEDICAL', 'EMERGENCY'] }, (a) => a.kind === 'MEDICAL' || a.kind === 'EMERGENCY'],
    ['grantedOn', { grantedOn: { from: '2025-01-01', to: '2025-12-31' } }, (a) => within(a.grantedOn, '2025-01-01', '2025-12-31')],
    ['enterprise', { enterprise: ENTERPRISE }, (a) => a.enterpriseCreditCode === ENTERPRISE],
    ['amountAtLeast', { amountAtLeast: '5000' }, (a) => Number(a.amount) >= 5000],
  ])('filters by %s exactly as the world says', async (_name, filter, matches) => {
    const expected = AIDS.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(AIDS.length);
    await expectPage(filter, expected, CASEWORKER);
  });

  it('combines filters: every condition holds', async () => {
    const filter = { kind: ['LIVING', 'MEDICAL'], grantedOn: { from: '2025-01-01' }, amountAtLeast: '3000.50' };
    const expected = AIDS.filter(
      (a) => ['LIVING', 'MEDICAL'].includes(a.kind) && a.grantedOn >= '2025-01-01' && Number(a.amount) >= 3000.5,
    );
    expect(expected.length).toBeGreaterThan(0);
    await expectPage(filter, expected, CASEWORKER);
  });

  it('walks the list in pages of 7: each record once, in order, the same total on every page', async () => {
    const { keys, sizes, totals } = await walkPages(union, LIST, 'hardshipAids', 'aidNo', {}, 7);
    expect(keys).toEqual(AIDS.map((a) => a.aidNo));
    expect(sizes).toHaveLength(Math.ceil(AIDS.length / 7));
    expect(sizes.slice(0, -1).every((size) => size === 7)).toBe(true);
    expect(new Set(totals)).toEqual(new Set([AIDS.length]));
  });

  it.each([
    ['a cursor it did not give out', { after: 'WyIyMDI2LTAxLTAxIl0=' }, 'after'],
    ['more than 100 a page', { first: 101 }, 'first'],
    [
      'a span of grants that ends before it starts',
      { filter: { grantedOn: { from: '2026-09-30', to: '2026-07-01' } } },
      'filter.grantedOn.to',
    ],
    ['a negative amount', { filter: { amountAtLeast: '-1' } }, 'filter.amountAtLeast'],
    ['a credit code with a wrong check character', { filter: { enterprise: '91110302802205163A' } }, 'filter.enterprise'],
  ])('refuses %s: BAD_USER_INPUT naming the argument, before any statement', async (_what, variables, field) => {
    union.subgraph.queries.reset();
    const { body } = await union.query(LIST, variables, CASEWORKER);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(union.subgraph.queries.count).toBe(0);
  });

  it('runs two statements, the page and its count, whatever the page size', async () => {
    const query = listQuery(
      'hardshipAids',
      'HardshipAidFilter',
      'aidNo kind amount grantedOn reason recipient { personRef name } enterprise { creditCode }',
    );
    const counts: number[] = [];
    for (const first of [1, 7, 80]) {
      union.subgraph.queries.reset();
      const { body } = await union.query(query, { filter: { amountAtLeast: '1' }, first }, CASEWORKER);
      expect(body.errors).toBeUndefined();
      expect(body.data.hardshipAids.nodes).toHaveLength(first);
      counts.push(union.subgraph.queries.count);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it.each([
    ['another department', COURT],
    ["the union's analyst", ANALYST],
  ])('refuses %s the filter on the SHARED amount: FORBIDDEN naming filter.amountAtLeast, no statement', async (_who, headers) => {
    union.subgraph.queries.reset();
    const { body } = await union.query(LIST, { filter: { kind: ['LIVING'], amountAtLeast: '5000' } }, headers);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      message: expect.stringContaining('filter.amountAtLeast filters on HardshipAid.amount, which is SHARED'),
      extensions: { code: 'FORBIDDEN', field: 'filter.amountAtLeast' },
    });
    expect(union.subgraph.queries.count).toBe(0);
  });

  it('gives another department the PUBLIC filters, and the SHARED fields of the records null and FORBIDDEN as anywhere', async () => {
    const filter = { kind: ['EDUCATION'], grantedOn: { from: '2024-01-01' }, enterprise: null };
    const expected = AIDS.filter((a) => a.kind === 'EDUCATION' && a.grantedOn >= '2024-01-01');
    await expectPage(filter, expected, ANALYST);
    const { body } = await union.query(listQuery('hardshipAids', 'HardshipAidFilter', 'aidNo kind amount'), { filter }, COURT);
    const nodes = body.data.hardshipAids.nodes as Array<{ aidNo: string; kind: string; amount: string | null }>;
    expect(nodes.map((a) => a.aidNo)).toEqual(expected.slice(0, 20).map((a) => a.aidNo));
    expect(nodes.every((a) => a.kind === 'EDUCATION' && a.amount === null)).toBe(true);
    expect(body.errors).toHaveLength(nodes.length);
    expect(body.errors![0]).toMatchObject({
      message: 'Not allowed for your department or role: HardshipAid.amount',
      path: ['hardshipAids', 'nodes', 0, 'amount'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
