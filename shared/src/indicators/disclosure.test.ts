import { Department, Role, type Principal } from '../context/principal';
import { MIN_CELL_CASES, roundAmount, statisticViewFor, suppressionOf, type BreakdownCell, type Suppression } from './disclosure';

/**
 * The attacker of these tests knows everything published of a breakdown (the total unless withheld, the
 * cells not withheld, which cells are withheld), that the cells add up to the total, that counts are whole
 * numbers and that a district listed has at least one case. A withheld cell is *determined* when only one
 * value fits all that; it is *shown small* when no value of MIN_CELL_CASES or more fits.
 */

interface Published {
  total: { cases: number; hits: number } | null;
  withheld: BreakdownCell[];
  visible: BreakdownCell[];
}

function publish(total: { cases: number; hits?: number }, cells: BreakdownCell[], suppression: Suppression): Published {
  return {
    total: suppression.total ? null : { cases: total.cases, hits: total.hits ?? 0 },
    withheld: cells.filter((c) => suppression.cells.has(c.district)),
    visible: cells.filter((c) => !suppression.cells.has(c.district)),
  };
}

/** The case counts a withheld cell may have, as the attacker works them out; null: any (no total to work from). */
function feasibleCases(published: Published): number[] | null {
  if (!published.total) return null;
  const rest = published.total.cases - published.visible.reduce((sum, c) => sum + c.cases, 0);
  const others = published.withheld.length - 1;
  const values: number[] = [];
  for (let v = 1; v <= rest; v++) if (others === 0 ? rest - v === 0 : rest - v >= others) values.push(v);
  return values;
}

/** The rates a withheld cell may have (hits over cases), as the attacker works them out from a rate breakdown. */
function feasibleRates(published: Published): Set<number> | null {
  if (!published.total) return null;
  const cases = published.total.cases - published.visible.reduce((sum, c) => sum + c.cases, 0);
  const hits = published.total.hits - published.visible.reduce((sum, c) => sum + (c.hits ?? 0), 0);
  const others = published.withheld.length - 1;
  const rates = new Set<number>();
  for (let c = 1; c <= cases; c++) {
    for (let h = 0; h <= c; h++) {
      const restCases = cases - c;
      const restHits = hits - h;
      const fits = others === 0 ? restCases === 0 && restHits === 0 : restCases >= others && restHits >= 0 && restHits <= restCases;
      if (fits) rates.add(h / c);
    }
  }
  return rates;
}

/** A deterministic pseudo-random generator (mulberry32), so a failing breakdown can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random breakdown of 1 to 8 districts, most of them small, as in a real zone's month. */
function randomBreakdown(random: () => number, rate: boolean): { total: { cases: number; hits: number }; cells: BreakdownCell[] } {
  const count = 1 + Math.floor(random() * 8);
  const cells: BreakdownCell[] = [];
  for (let i = 0; i < count; i++) {
    const cases = 1 + Math.floor(random() * (random() < 0.6 ? 6 : 20));
    const hits = rate ? (random() < 0.4 ? cases : Math.floor(random() * (cases + 1))) : 0;
    cells.push({ district: `D${i}`, cases, hits });
  }
  return { total: { cases: cells.reduce((s, c) => s + c.cases, 0), hits: cells.reduce((s, c) => s + (c.hits ?? 0), 0) }, cells };
}

describe('complementary suppression', () => {
  const cells: BreakdownCell[] = [
    { district: '甲镇', cases: 7 },
    { district: '乙镇', cases: 1 },
    { district: '丙镇', cases: 9 },
    { district: '丁镇', cases: 12 },
  ];
  const total = { cases: 29 };

  it('stops the attack: total minus the published cells no longer gives the small cell', () => {
    // Primary suppression alone: 乙镇 withheld, and 29 − (7 + 9 + 12) = 1 gives it back.
    const primaryOnly = publish(total, cells, { total: false, cells: new Set(['乙镇']) });
    expect(feasibleCases(primaryOnly)).toEqual([1]);

    const suppression = suppressionOf({ total, cells });
    // The next-smallest cell is withheld with it: 29 − (9 + 12) = 8 is all that is known of 甲镇 and 乙镇 together.
    expect(suppression).toEqual({ total: false, cells: new Set(['乙镇', '甲镇']) });
    const published = publish(total, cells, suppression);
    expect(feasibleCases(published)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('withholds nothing when no cell is small', () => {
    expect(
      suppressionOf({
        total: { cases: 30 },
        cells: [
          { district: 'A', cases: 5 },
          { district: 'B', cases: 25 },
        ],
      }),
    ).toEqual({ total: false, cells: new Set() });
  });

  it('adds cells until each withheld one could hold 5 or more cases', () => {
    // 1 + 1 = 2 would show both are 1; with the 5 of C: 7 − 2 = 5, each could hold 5.
    const suppression = suppressionOf({
      total: { cases: 27 },
      cells: [
        { district: 'A', cases: 1 },
        { district: 'B', cases: 1 },
        { district: 'C', cases: 5 },
        { district: 'D', cases: 20 },
      ],
    });
    expect(suppression).toEqual({ total: false, cells: new Set(['A', 'B', 'C']) });
  });

  it('withholds the total when no cell is left to withhold beside a small one', () => {
    // One district: its cell is the total.
    expect(suppressionOf({ total: { cases: 1 }, cells: [{ district: '乙镇', cases: 1 }] })).toEqual({
      total: true,
      cells: new Set(['乙镇']),
    });
    // Two small ones together still too small: the total goes, the cells stay withheld.
    expect(
      suppressionOf({
        total: { cases: 3 },
        cells: [
          { district: 'A', cases: 1 },
          { district: 'B', cases: 2 },
        ],
      }),
    ).toEqual({ total: true, cells: new Set(['A', 'B']) });
    // Beside a cell of 5 or more there is always a way: 1 + 5 − 1 = 5.
    expect(
      suppressionOf({
        total: { cases: 6 },
        cells: [
          { district: 'A', cases: 1 },
          { district: 'B', cases: 5 },
        ],
      }),
    ).toEqual({ total: false, cells: new Set(['A', 'B']) });
  });

  it('for a rate, withholds with the small cells a cell of the other outcome, so no withheld district is known to be at 0 or 1', () => {
    const suppression = suppressionOf({
      rate: true,
      total: { cases: 30, hits: 27 },
      cells: [
        { district: 'A', cases: 2, hits: 2 },
        { district: 'B', cases: 6, hits: 6 }, // all in time: would leave the withheld ones all in time
        { district: 'C', cases: 7, hits: 5 },
        { district: 'D', cases: 15, hits: 14 },
      ],
    });
    expect(suppression).toEqual({ total: false, cells: new Set(['A', 'B', 'C']) });
  });

  it('for an amount, withholds the total of fewer than 5 records, and every cell with it', () => {
    expect(
      suppressionOf({
        protectTotal: true,
        total: { cases: 4 },
        cells: [
          { district: 'A', cases: 3 },
          { district: 'B', cases: 1 },
        ],
      }),
    ).toEqual({
      total: true,
      cells: new Set(['A', 'B']),
    });
  });

  it('is deterministic, ties broken by district', () => {
    const breakdown = {
      total: { cases: 17 },
      cells: [
        { district: 'B', cases: 6 },
        { district: 'A', cases: 6 },
        { district: 'C', cases: 1 },
        { district: 'D', cases: 4 },
      ],
    };
    // C and D together (5) would each be known under 5: A, the smaller of the two 6s by name, joins them.
    expect(suppressionOf(breakdown)).toEqual({ total: false, cells: new Set(['C', 'D', 'A']) });
    const withTie = {
      total: { cases: 13 },
      cells: [
        { district: 'B', cases: 6 },
        { district: 'A', cases: 6 },
        { district: 'C', cases: 1 },
      ],
    };
    expect(suppressionOf(withTie)).toEqual({ total: false, cells: new Set(['C', 'A']) });
  });

  it('property: over 3,000 random count breakdowns, no withheld cell is determined, nor shown to be small', () => {
    const random = prng(20261120);
    let withheldCells = 0;
    let withheldTotals = 0;
    for (let run = 0; run < 3_000; run++) {
      const { total, cells } = randomBreakdown(random, false);
      const suppression = suppressionOf({ total, cells });
      // Every small cell is withheld.
      for (const cell of cells)
        if (cell.cases < MIN_CELL_CASES)
          expect([run, cell.district, suppression.cells.has(cell.district)]).toEqual([run, cell.district, true]);
      const published = publish(total, cells, suppression);
      const feasible = feasibleCases(published);
      if (feasible === null) {
        withheldTotals++;
        continue;
      }
      for (const cell of published.withheld) {
        withheldCells++;
        expect([run, cell.district, feasible.includes(cell.cases), feasible.length >= 2, Math.max(...feasible) >= MIN_CELL_CASES]).toEqual([
          run,
          cell.district,
          true,
          true,
          true,
        ]);
      }
    }
    // The generator does exercise both ways out.
    expect(withheldCells).toBeGreaterThan(1_000);
    expect(withheldTotals).toBeGreaterThan(50);
  });

  it("property: over 1,000 random rate breakdowns, no withheld cell's count or rate is determined", () => {
    const random = prng(45);
    let checked = 0;
    for (let run = 0; run < 1_000; run++) {
      const { total, cells } = randomBreakdown(random, true);
      const suppression = suppressionOf({ total, cells, rate: true });
      const published = publish(total, cells, suppression);
      const rates = feasibleRates(published);
      if (rates === null) continue;
      for (const cell of published.withheld) {
        checked++;
        expect([run, feasibleCases(published)!.length >= 2]).toEqual([run, true]);
        expect([run, cell.district, rates.has((cell.hits ?? 0) / cell.cases), rates.has(0), rates.has(1)]).toEqual([
          run,
          cell.district,
          true,
          true,
          true,
        ]);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('property: over 1,000 random amount breakdowns, rounded, no withheld cell\'s amount is known better than "between 0 and the withheld sum"', () => {
    const random = prng(7);
    const err = 5_000; // half the rounding unit, per published figure
    for (let run = 0; run < 1_000; run++) {
      const { total, cells } = randomBreakdown(random, false);
      const amounts = new Map(cells.map((c) => [c.district, Math.round(c.cases * (3_000 + random() * 200_000) * 100) / 100]));
      const exactTotal = [...amounts.values()].reduce((s, a) => s + a, 0);
      const suppression = suppressionOf({ total, cells, protectTotal: true });
      if (suppression.total) continue;
      const published = publish(total, cells, suppression);
      // What the attacker computes: the rounded total minus the rounded visible cells, give or take the rounding.
      const rest =
        Number(roundAmount(exactTotal.toFixed(2))) -
        published.visible.reduce((s, c) => s + Number(roundAmount(amounts.get(c.district)!.toFixed(2))), 0);
      const slack = err * (published.visible.length + 1);
      expect([run, published.withheld.length === 0 || published.withheld.length >= 2]).toEqual([run, true]);
      for (const cell of published.withheld) {
        // Each other withheld cell may hold anything up to the whole rest: this one, anything from 0 up.
        const othersAtMost = (published.withheld.length - 1) * (rest + slack);
        const lowest = Math.max(0, rest - slack - othersAtMost);
        const highest = rest + slack;
        const amount = amounts.get(cell.district)!;
        expect([run, cell.district, lowest, amount <= highest]).toEqual([run, cell.district, 0, true]);
      }
    }
  });
});

describe('roundAmount', () => {
  it.each([
    ['0.00', '0.00'],
    ['4999.99', '0.00'],
    ['5000.00', '10000.00'],
    ['5302.50', '10000.00'],
    ['486300.00', '490000.00'],
    ['1234567.89', '1230000.00'],
    ['14999.99', '10000.00'],
    ['15000', '20000.00'],
    ['99999999999.5', '100000000000.00'],
  ])('rounds %s to the nearest 10,000 yuan: %s', (amount, rounded) => {
    expect(roundAmount(amount)).toBe(rounded);
  });

  it('refuses what is not a decimal amount', () => {
    expect(() => roundAmount('1e6')).toThrow('roundAmount: "1e6" is not a decimal amount');
  });
});

describe('statisticViewFor', () => {
  const as = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u', name: 'n', department, roles });
  it("gives the exact figures to the owning department's staff only", () => {
    for (const role of [Role.CASEWORKER, Role.SERVICE, Role.COORDINATOR, Role.ADMIN]) {
      expect(statisticViewFor(as(Department.HR_BUREAU, role), Department.HR_BUREAU)).toBe('exact');
      expect(statisticViewFor(as(Department.UNION, role), Department.HR_BUREAU)).toBe('controlled');
    }
    expect(statisticViewFor(as(Department.HR_BUREAU, Role.ANALYST), Department.HR_BUREAU)).toBe('controlled');
    expect(statisticViewFor(as(Department.UNION, Role.ANALYST), Department.HR_BUREAU)).toBe('controlled');
    expect(statisticViewFor(as(Department.HR_BUREAU, Role.ANALYST, Role.CASEWORKER), Department.HR_BUREAU)).toBe('exact');
  });
});
