import { dayOfYmd } from './dates';
import { LateDecisions } from './late-decisions';
import { Prng } from './prng';

describe('LateDecisions', () => {
  const draw = (late: LateDecisions, dueDay: number, n: number): number[] => Array.from({ length: n }, () => late.daysLate(dueDay));

  it('makes floor(n * share) or one more of the n decisions due in a quarter late, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const late = new LateDecisions(new Prng(seed), 0.09, 30);
      const march = draw(late, dayOfYmd(2026, 3, 31), 100);
      expect(march.filter((d) => d > 0)).toHaveLength(9);
      const april = draw(late, dayOfYmd(2026, 4, 1), 14);
      expect([1, 2]).toContain(april.filter((d) => d > 0).length);
      for (const days of [...march, ...april]) expect(days >= 0 && days <= 30 && Number.isInteger(days)).toBe(true);
    }
  });

  it('counts each quarter on its own: 10 decisions due in each of four quarters at a share of 0.1 give one late in each', () => {
    const late = new LateDecisions(new Prng(42), 0.1, 5);
    for (const month of [1, 4, 7, 10]) expect(draw(late, dayOfYmd(2025, month, 15), 10).filter((d) => d > 0)).toHaveLength(1);
  });

  it('gives the same decisions for the same seed', () => {
    const first = draw(new LateDecisions(new Prng(9), 0.2, 10), dayOfYmd(2026, 5, 5), 50);
    expect(draw(new LateDecisions(new Prng(9), 0.2, 10), dayOfYmd(2026, 5, 5), 50)).toEqual(first);
  });

  it('refuses a share outside (0, 1) and a maximum under one day', () => {
    expect(() => new LateDecisions(new Prng(1), 0, 5)).toThrow(RangeError);
    expect(() => new LateDecisions(new Prng(1), 1, 5)).toThrow(RangeError);
    expect(() => new LateDecisions(new Prng(1), 0.1, 0)).toThrow(RangeError);
  });
});
