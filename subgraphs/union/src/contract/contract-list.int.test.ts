import { Department, Role } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { listQuery, newestFirst, walkPages, type Page } from '../list.fixtures';

/** The world the subgraph loads with `demo: true`, its contracts in the list's order: what the list must answer. */
const CONTRACTS = newestFirst(
  (generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World).union.collectiveContracts,
  'filedOn',
  'contractNo',
);
type Contract = (typeof CONTRACTS)[number];
const within = (day: string, from: string, to: string) => from <= day && day <= to;
const inForce = (c: Contract) => c.effectiveOn <= TEST_AS_OF && TEST_AS_OF <= c.expiresOn;
const ENTERPRISE = CONTRACTS[0]!.enterpriseCreditCode;

const LIST = listQuery('collectiveContracts', 'CollectiveContractFilter', 'contractNo');
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

describe('union subgraph: the collectiveContracts list', () => {
  const union = useSubgraph(unionSubgraph, { demo: true });

  /** The first page (up to 100) and the total, as the world says. */
  async function expectPage(filter: object | null, expected: Contract[], headers?: Record<string, string>) {
    const { body } = await union.query(LIST, { filter, first: 100 }, headers);
    expect(body.errors).toBeUndefined();
    const page = body.data.collectiveContracts as Page<{ contractNo: string }>;
    expect(page.nodes.map((c) => c.contractNo)).toEqual(expected.slice(0, 100).map((c) => c.contractNo));
    expect(page.totalCount).toBe(expected.length);
  }

  it('lists every contract, the latest filed first and same-day ones by number', async () => {
    await expectPage(null, CONTRACTS);
  });

  it.each<[string, object, (c: Contract) => boolean]>([
    ['kind', { kind: ['FEMALE_WORKERS', 'WORK_SAFETY'] }, (c) => c.kind === 'FEMALE_WORKERS' || c.kind === 'WORK_SAFETY'],
    ['filedOn', { filedOn: { from: '2025-01-01', to: '2025-06-30' } }, (c) => within(c.filedOn, '2025-01-01', '2025-06-30')],
    ['effectiveOn', { effectiveOn: { from: '2024-07-01', to: '2024-12-31' } }, (c) => within(c.effectiveOn, '2024-07-01', '2024-12-31')],
    ['expiresOn', { expiresOn: { from: TEST_AS_OF, to: '2027-06-30' } }, (c) => within(c.expiresOn, TEST_AS_OF, '2027-06-30')],
    ['inForce', { inForce: true }, inForce],
    ['not inForce', { inForce: false }, (c) => !inForce(c)],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
  ])('filters by %s exactly as the world says, for any department', async (_name, filter, matches) => {
    const expected = CONTRACTS.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(CONTRACTS.length);
    await expectPage(filter, expected, COURT);
  });

  it('combines filters: every condition holds', async () => {
    const filter = { kind: ['WAGE'], inForce: true, expiresOn: { to: '2027-12-31' } };
    const expected = CONTRACTS.filter((c) => c.kind === 'WAGE' && inForce(c) && c.expiresOn <= '2027-12-31');
    expect(expected.length).toBeGreaterThan(0);
    await expectPage(filter, expected, asPrincipal(Department.UNION, Role.ANALYST));
  });

  it('walks a filtered list in pages of 7: each contract once, in order, the same total on every page', async () => {
    const filter = { kind: ['WAGE'] };
    const expected = CONTRACTS.filter((c) => c.kind === 'WAGE').map((c) => c.contractNo);
    const { keys, sizes, totals } = await walkPages(union, LIST, 'collectiveContracts', 'contractNo', filter, 7);
    expect(keys).toEqual(expected);
    expect(sizes).toHaveLength(Math.ceil(expected.length / 7));
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it.each([
    ['a cursor it did not give out', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['more than 100 a page', { first: 101 }, 'first'],
    ['a span that ends before it starts', { filter: { expiresOn: { from: '2027-09-30', to: '2027-07-01' } } }, 'filter.expiresOn.to'],
    ['a credit code with a wrong check character', { filter: { enterprise: '91110302802205163A' } }, 'filter.enterprise'],
  ])('refuses %s: BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    union.subgraph.queries.reset();
    const { body } = await union.query(LIST, variables);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(union.subgraph.queries.count).toBe(0);
  });

  it("runs two statements for the union's staff, whatever the page size", async () => {
    const query = listQuery(
      'collectiveContracts',
      'CollectiveContractFilter',
      'contractNo inForce wageIncreasePct enterprise { creditCode }',
    );
    for (const first of [1, 100]) {
      union.subgraph.queries.reset();
      const { body } = await union.query(query, { filter: { inForce: true }, first });
      expect(body.errors).toBeUndefined();
      expect(body.data.collectiveContracts.nodes).toHaveLength(first);
      expect(union.subgraph.queries.count).toBe(2);
    }
  });

  it('gives another department the SHARED wage increase null and FORBIDDEN as anywhere', async () => {
    const query = listQuery('collectiveContracts', 'CollectiveContractFilter', 'contractNo inForce wageIncreasePct');
    const { body } = await union.query(query, { filter: { inForce: true }, first: 5 }, COURT);
    const nodes = body.data.collectiveContracts.nodes as Array<{ inForce: boolean; wageIncreasePct: string | null }>;
    expect(nodes).toHaveLength(5);
    expect(nodes.every((c) => c.inForce && c.wageIncreasePct === null)).toBe(true);
    expect(body.errors).toHaveLength(5);
    expect(body.errors![0]).toMatchObject({
      message: 'Not allowed for your department or role: CollectiveContract.wageIncreasePct',
      path: ['collectiveContracts', 'nodes', 0, 'wageIncreasePct'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
