import { bulkInsert, Department, Role } from '@labour/shared';
import { WageArrearsAlert } from '../../subgraphs/hr-bureau/src/wage-arrears/wage-arrears-alert.entity';
import { startStack, type RunningStack } from '../support/stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * The indicators through the gateway: one `indicators` query gathers the figures of all four departments
 * (the root field is the labour bureau's, every other figure comes from its own department's subgraph).
 * Each department's own staff read its figures exactly; everyone else (analysts, other departments' staff)
 * reads them disclosure-controlled: small cells and their complements withheld, amounts rounded to 10,000
 * yuan. The labour bureau's open arrears amount is SHARED: another department reads it only through a
 * channel granting Indicators.openArrearsAmount.
 *
 * The demo zone has only a few warnings open at any period's end (fewer than 5: its arrears total is withheld
 * from everyone but the bureau's staff), so the test adds 28 warnings open at the end of 2023, before the
 * demo's window: 1 in the first district (the ¥486,300 one), 6, 9 and 12 in the next three.
 */
const YEAR = TEST_AS_OF.slice(0, 4);
const ARREARS_PERIOD = '2023';
const ARREARS_CELLS = [
  { count: 1, amountOwed: '486300.00' },
  { count: 6, amountOwed: '12345.60' },
  { count: 9, amountOwed: '31000.00' },
  { count: 12, amountOwed: '208808.08' },
];
const MIN = 5;
const COUNT = 'value cases suppressed byDistrict { district value cases suppressed }';
const AMOUNT = 'amount cases suppressed roundedTo byDistrict { district amount cases suppressed }';
const FIGURES: Record<Department, string[]> = {
  HR_BUREAU: ['arbitrationClosureRate', 'arbitrationCases', 'openArrearsAmount', 'layoffReports', 'enterprisesKnown'],
  UNION: ['mediationCases', 'mediationSuccessRate', 'mediationAgreed', 'enterprisesWithUnion', 'enterprisesWithContract'],
  COURT: ['lawsuitsFiled', 'lawsuitsAppealed'],
  JUSTICE: ['legalAidCases', 'legalAidGranted'],
};
const RATES = new Set(['arbitrationClosureRate', 'mediationSuccessRate']);
/** An enterprise can be covered by unions of two districts: the cells need not add up to the total. */
const NOT_ADDITIVE = new Set(['enterprisesWithUnion']);
const selection = (name: string) => `${name} { ${name === 'openArrearsAmount' ? AMOUNT : COUNT} }`;
const INDICATORS = /* GraphQL */ `
  query Indicators($period: String!, $district: String) {
    indicators(period: $period, district: $district) {
      period district
      ${Object.values(FIGURES).flat().map(selection).join('\n      ')}
    }
  }
`;

type Cell = { district: string; cases: number | null; suppressed: boolean; value?: number | null; amount?: string | null };
type Figure = {
  cases: number | null;
  suppressed: boolean;
  byDistrict: Cell[];
  value?: number | null;
  amount?: string | null;
  roundedTo?: number | null;
};

const HR_STAFF = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
const HR_ANALYST = asPrincipal(Department.HR_BUREAU, Role.ANALYST);
const COURT_CASEWORKER = asPrincipal(Department.COURT, Role.CASEWORKER);

/** Rounds an exact amount to the nearest 10,000 yuan, half up, written here again from the rule in the README. */
const toTenThousand = (amount: string) => `${Math.floor((Number(amount) + 5_000) / 10_000) * 10_000}.00`;
const figureValue = (figure: Figure | Cell, name: string) => (name === 'openArrearsAmount' ? figure.amount : figure.value);
const exactShown = (exact: Figure | Cell, name: string) => (name === 'openArrearsAmount' ? toTenThousand(exact.amount!) : exact.value);

/**
 * Checks a controlled figure against the exact one as the owning department's staff read it: every small
 * cell withheld, everything published equal to the exact figure (amounts rounded), and the attack of total
 * minus the published cells answered by a group of withheld cells each of which could hold 5 or more
 * cases (and, for a rate, holding both outcomes). Returns how many cells it withheld.
 */
function expectControlled(name: string, exact: Figure, shown: Figure): number {
  expect([name, shown.byDistrict.map((c) => c.district)]).toEqual([name, exact.byDistrict.map((c) => c.district)]);
  const withheld: Cell[] = [];
  exact.byDistrict.forEach((cell, i) => {
    const seen = shown.byDistrict[i]!;
    if (cell.cases! < MIN) expect([name, cell.district, seen.suppressed]).toEqual([name, cell.district, true]);
    if (seen.suppressed) {
      withheld.push(cell);
      expect([name, seen.cases, figureValue(seen, name)]).toEqual([name, null, null]);
    } else {
      expect([name, seen.cases, figureValue(seen, name)]).toEqual([name, cell.cases, exactShown(cell, name)]);
    }
  });
  if (shown.suppressed) {
    expect([name, shown.cases, figureValue(shown, name)]).toEqual([name, null, null]);
    return withheld.length;
  }
  expect([name, shown.cases, figureValue(shown, name)]).toEqual([name, exact.cases, exactShown(exact, name)]);
  if (withheld.length === 0) return 0;
  // The attack, from the published figures alone: total minus the published cells.
  const visible = shown.byDistrict.filter((c) => !c.suppressed);
  const rest = shown.cases! - visible.reduce((sum, c) => sum + c.cases!, 0);
  if (!NOT_ADDITIVE.has(name)) expect([name, rest]).toEqual([name, withheld.reduce((sum, c) => sum + c.cases!, 0)]);
  // It is the sum of two or more withheld cells, each of which could hold 5 or more cases for all it says.
  expect([name, withheld.length >= 2, rest - (withheld.length - 1) >= MIN]).toEqual([name, true, true]);
  if (RATES.has(name)) {
    const hits = (f: { value?: number | null; cases: number | null }) => Math.round(f.value! * f.cases!);
    const restHits = hits(shown) - visible.reduce((sum, c) => sum + hits(c), 0);
    expect([name, restHits > 0, restHits < rest]).toEqual([name, true, true]);
  }
  return withheld.length;
}

describe('indicators through the gateway', () => {
  let stack: RunningStack;
  /** Each department's own figures as its caseworker reads them: exact. */
  const exact: Record<string, Figure> = {};

  /** The districts of ARREARS_CELLS, in district order. */
  let districts: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ demo: true });
    const em = stack.subgraphs.get('hr-bureau')!.subgraph.orm.em.fork();
    const firsts = await em
      .getConnection()
      .execute<Array<{ id: string; district: string }>>(
        `select distinct on (district) id, district from enterprise order by district, id limit ${ARREARS_CELLS.length}`,
      );
    districts = firsts.map((row) => row.district);
    let seq = 0;
    await bulkInsert(
      em,
      WageArrearsAlert,
      ARREARS_CELLS.flatMap(({ count, amountOwed }, i) =>
        Array.from({ length: count }, () => ({
          alertNo: `YJ-E2E-${String(++seq).padStart(4, '0')}`,
          enterprise: firsts[i]!.id,
          project: '测试项目',
          level: 'YELLOW',
          amountOwed,
          workersAffected: 10,
          raisedOn: '2023-10-09',
          resolvedOn: '2024-01-15',
        })),
      ),
    );
    for (const department of Object.values(Department)) {
      const { body } = await stack.query(INDICATORS, { period: YEAR }, asPrincipal(department, Role.CASEWORKER));
      for (const name of FIGURES[department]) exact[name] = body.data.indicators[name];
    }
  }, 180_000);
  afterAll(() => stack?.stop());

  const byDistrictOrder = <T extends { district: string }>(cells: T[]) =>
    [...cells].sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : 0));
  const arrearsCell = (i: number, amount: string | null, cases: number | null) => ({
    district: districts[i]!,
    amount,
    cases,
    suppressed: amount === null,
  });

  it("gives the labour bureau's own staff its figures exactly, every department contributing", async () => {
    const { body } = await stack.query(INDICATORS, { period: YEAR }, HR_STAFF);
    expect(body.errors).toBeUndefined();
    expect(body.data.indicators).toMatchObject({ period: YEAR, district: '' });
    for (const name of ['arbitrationCases', 'layoffReports', 'mediationCases', 'enterprisesWithUnion', 'lawsuitsFiled', 'legalAidCases']) {
      const figure = exact[name]!;
      expect([name, figure.cases! > 0, figure.suppressed]).toEqual([name, true, false]);
    }
    for (const name of FIGURES.HR_BUREAU) expect([name, body.data.indicators[name]]).toEqual([name, exact[name]]);
    expect(exact['openArrearsAmount']).toMatchObject({ cases: expect.any(Number), suppressed: false, roundedTo: null });

    const arrears = await stack.query(INDICATORS, { period: ARREARS_PERIOD }, HR_STAFF);
    expect(arrears.body.data.indicators.openArrearsAmount).toEqual({
      amount: '3345070.56',
      cases: 28,
      suppressed: false,
      roundedTo: null,
      byDistrict: byDistrictOrder([
        arrearsCell(0, '486300.00', 1),
        arrearsCell(1, '74073.60', 6),
        arrearsCell(2, '279000.00', 9),
        arrearsCell(3, '2505696.96', 12),
      ]),
    });
  });

  it('gives an analyst rounded amounts and every figure with complementary suppression, from which no withheld cell can be derived', async () => {
    const { body } = await stack.query(INDICATORS, { period: YEAR }, HR_ANALYST);
    expect(body.errors).toBeUndefined();
    let withheld = 0;
    for (const name of Object.values(FIGURES).flat()) withheld += expectControlled(name, exact[name]!, body.data.indicators[name]);
    expect(withheld).toBeGreaterThan(0);
    // The demo's few open warnings at the year's end (fewer than 5): their total would be a few warnings' amounts.
    expect(exact['openArrearsAmount']!.cases).toBeLessThan(MIN);
    expect(body.data.indicators.openArrearsAmount).toMatchObject({ amount: null, cases: null, suppressed: true, roundedTo: 10_000 });

    // The added warnings: the one of ¥486,300 is withheld, and so is the district of 6 beside it; the rest rounded.
    const arrears = (await stack.query(INDICATORS, { period: ARREARS_PERIOD }, HR_ANALYST)).body.data.indicators
      .openArrearsAmount as Figure;
    expect(arrears).toEqual({
      amount: '3350000.00',
      cases: 28,
      suppressed: false,
      roundedTo: 10_000,
      byDistrict: byDistrictOrder([
        arrearsCell(0, null, null),
        arrearsCell(1, null, null),
        arrearsCell(2, '280000.00', 9),
        arrearsCell(3, '2510000.00', 12),
      ]),
    });
    // The attack: total minus the published cells is the two withheld districts together, 7 warnings and
    // ¥560,000 give or take 15,000 of rounding; either district may hold from 0 to all of it.
    const visible = arrears.byDistrict.filter((c) => !c.suppressed);
    expect(arrears.cases! - visible.reduce((sum, c) => sum + c.cases!, 0)).toBe(7);
    expect(Number(arrears.amount) - visible.reduce((sum, c) => sum + Number(c.amount), 0)).toBe(560_000);

    // Asking for the district of 6 alone does not get round it; the bureau's staff read it exactly.
    const one = await stack.query(INDICATORS, { period: ARREARS_PERIOD, district: districts[1] }, HR_ANALYST);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.indicators.openArrearsAmount).toEqual({
      amount: null,
      cases: null,
      suppressed: true,
      roundedTo: 10_000,
      byDistrict: [arrearsCell(1, null, null)],
    });
    const asStaff = await stack.query(INDICATORS, { period: ARREARS_PERIOD, district: districts[1] }, HR_STAFF);
    expect(asStaff.body.data.indicators.openArrearsAmount).toEqual({
      amount: '74073.60',
      cases: 6,
      suppressed: false,
      roundedTo: null,
      byDistrict: [arrearsCell(1, '74073.60', 6)],
    });
  });

  it('gives a court caseworker with no channel no open arrears amount (null + FORBIDDEN), and the public figures disclosure-controlled', async () => {
    const { body } = await stack.query(INDICATORS, { period: YEAR }, COURT_CASEWORKER);
    expect(body.data.indicators.openArrearsAmount).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Not allowed for your department or role: Indicators.openArrearsAmount',
        path: ['indicators', 'openArrearsAmount'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    for (const name of Object.values(FIGURES).flat()) {
      if (name === 'openArrearsAmount') continue;
      if (FIGURES.COURT.includes(name)) expect([name, body.data.indicators[name]]).toEqual([name, exact[name]]);
      else expectControlled(name, exact[name]!, body.data.indicators[name]);
    }
    // Another department's analyst is denied it as well: analysts hold no channel.
    const unionAnalyst = await stack.query(INDICATORS, { period: YEAR }, asPrincipal(Department.UNION, Role.ANALYST));
    expect(unionAnalyst.body.data.indicators.openArrearsAmount).toBeNull();
    expect(unionAnalyst.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });

  it('gives it to the court through a channel granting Indicators.openArrearsAmount, as the analyst reads it, and logs the read', async () => {
    const hrAdmin = asPrincipal(Department.HR_BUREAU, Role.ADMIN);
    const before = await stack.query(INDICATORS, { period: ARREARS_PERIOD }, { ...COURT_CASEWORKER, 'x-purpose': 'before' });
    expect(before.body.data.indicators.openArrearsAmount).toBeNull();
    const proposed = await stack.query(
      `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { code version } }`,
      {
        input: {
          code: 'E2E-HR-COURT-FIGURES',
          provider: 'HR_BUREAU',
          consumers: ['COURT'],
          grants: [{ typeName: 'Indicators', fields: ['openArrearsAmount'] }],
          scope: 'HR_PUBLISHED_FIGURES',
          purpose: '欠薪执行协作统计',
          legalBasis: '《保障农民工工资支付条例》第四十六条',
          validFrom: `${YEAR}-01-01`,
        },
      },
      hrAdmin,
    );
    expect(proposed.body.errors).toBeUndefined();
    const activated = await stack.query(
      `mutation ($input: SharingChannelDecisionInput!) { activateSharingChannel(input: $input) { status } }`,
      { input: { code: 'E2E-HR-COURT-FIGURES', version: proposed.body.data.proposeSharingChannel.version } },
      hrAdmin,
    );
    expect(activated.body.errors).toBeUndefined();
    await stack.refreshChannels();

    const { body } = await stack.query(INDICATORS, { period: ARREARS_PERIOD }, { ...COURT_CASEWORKER, 'x-purpose': 'figures' });
    expect(body.errors).toBeUndefined();
    const analyst = await stack.query(INDICATORS, { period: ARREARS_PERIOD }, HR_ANALYST);
    expect(body.data.indicators.openArrearsAmount).toMatchObject({ amount: '3350000.00', cases: 28, roundedTo: 10_000 });
    expect(body.data.indicators.openArrearsAmount).toEqual(analyst.body.data.indicators.openArrearsAmount);

    const log = await stack.query(
      `{ hrBureauAccessLog(first: 100, department: COURT) { nodes { purpose fields channelId outcome } } }`,
      {},
      hrAdmin,
    );
    expect(log.body.errors).toBeUndefined();
    const reads = log.body.data.hrBureauAccessLog.nodes.filter((n: { fields: string[] }) =>
      n.fields.includes('Indicators.openArrearsAmount'),
    );
    expect(reads).toEqual(
      expect.arrayContaining([
        { purpose: 'before', fields: ['Indicators.openArrearsAmount'], channelId: null, outcome: 'DENIED' },
        { purpose: 'figures', fields: ['Indicators.openArrearsAmount'], channelId: 'E2E-HR-COURT-FIGURES', outcome: 'GRANTED' },
      ]),
    );
  });

  it('refuses a malformed period', async () => {
    const { body } = await stack.query(INDICATORS, { period: `${YEAR}-Q5` }, HR_ANALYST);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' }) }),
    ]);
  });
});
