import { Department, Role } from '@labour/shared';
import { startStack, type RunningStack } from '../support/stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * The indicators through the gateway: one `indicators` query gathers the figures of all four departments
 * (the root field is the labour bureau's, every other figure comes from its own department's subgraph).
 * A union ANALYST gets the coordinator's figures with every district cell under 5 cases withheld.
 */
const YEAR = TEST_AS_OF.slice(0, 4);
const COUNT = 'value cases suppressed byDistrict { district value cases suppressed }';
const INDICATORS = /* GraphQL */ `
  query Indicators($period: String!) {
    indicators(period: $period) {
      period district
      arbitrationClosureRate { ${COUNT} }
      arbitrationCases { ${COUNT} }
      openArrearsAmount { amount cases suppressed byDistrict { district amount cases suppressed } }
      layoffReports { ${COUNT} }
      enterprisesKnown { ${COUNT} }
      mediationCases { ${COUNT} }
      mediationSuccessRate { ${COUNT} }
      mediationAgreed { ${COUNT} }
      enterprisesWithUnion { ${COUNT} }
      enterprisesWithContract { ${COUNT} }
      lawsuitsFiled { ${COUNT} }
      lawsuitsAppealed { ${COUNT} }
      legalAidCases { ${COUNT} }
      legalAidGranted { ${COUNT} }
    }
  }
`;

type Cell = { district: string; cases: number | null; suppressed: boolean } & Record<string, unknown>;
type Figure = { cases: number | null; suppressed: boolean; byDistrict: Cell[] } & Record<string, unknown>;

/** What an analyst should see of a coordinator's figure: cells under 5 cases withheld, the rest as is. */
function withheld(figure: Figure): Figure {
  return {
    ...figure,
    byDistrict: figure.byDistrict.map((cell) =>
      (cell.cases ?? 0) < 5 ? Object.fromEntries(Object.entries(cell).map(([k, v]) => [k, k === 'district' ? v : k === 'suppressed' ? true : null])) as Cell : cell,
    ),
  };
}

describe('indicators through the gateway', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ demo: true });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('gives a coordinator every department\'s figures of the demo year, and an analyst the same with small cells withheld', async () => {
    const coordinator = await stack.query(INDICATORS, { period: YEAR }, asPrincipal(Department.UNION, Role.COORDINATOR));
    expect(coordinator.body.errors).toBeUndefined();
    const full = coordinator.body.data.indicators as Record<string, Figure | string>;
    expect(full.period).toBe(YEAR);
    expect(full.district).toBe('');
    // Every department contributes on the demo data.
    for (const name of ['arbitrationCases', 'layoffReports', 'mediationCases', 'enterprisesWithUnion', 'lawsuitsFiled', 'legalAidCases']) {
      const figure = full[name] as Figure;
      expect([name, figure.cases! > 0, figure.suppressed]).toEqual([name, true, false]);
    }
    const openArrears = full.openArrearsAmount as Figure;
    expect(Number(openArrears.amount)).toBeGreaterThan(0);
    // The district cells add up to the zone's total.
    const arbitration = full.arbitrationCases as Figure;
    expect(arbitration.byDistrict.reduce((sum, cell) => sum + cell.cases!, 0)).toBe(arbitration.cases);
    expect(arbitration.byDistrict.every((cell) => !cell.suppressed)).toBe(true);
    // The demo zone has districts with fewer than 5 cases of some figure: the analyst's view differs.
    const small = Object.values(full).filter((f): f is Figure => typeof f === 'object').flatMap((f) => f.byDistrict).filter((c) => c.cases! < 5);
    expect(small.length).toBeGreaterThan(0);

    const analyst = await stack.query(INDICATORS, { period: YEAR }, asPrincipal(Department.UNION, Role.ANALYST));
    expect(analyst.body.errors).toBeUndefined();
    const expected = Object.fromEntries(Object.entries(full).map(([name, f]) => [name, typeof f === 'object' ? withheld(f) : f]));
    expect(analyst.body.data.indicators).toEqual(expected);
  });

  it('refuses a malformed period', async () => {
    const { body } = await stack.query(INDICATORS, { period: `${YEAR}-Q5` }, asPrincipal(Department.UNION, Role.ANALYST));
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' }) })]);
  });
});
