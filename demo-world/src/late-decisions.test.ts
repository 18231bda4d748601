import { DEFAULT_WORLD_OPTIONS, generateWorld, type World } from '.';
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

/** Day numbers and month arithmetic written here, independently of the generator's helpers. */
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
function monthsLater(iso: string, months: number): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return Date.UTC(y, m - 1 + months, Math.min(d, lastDay)) / 86_400_000;
}

describe.each<[string, World]>([
  ['default world', generateWorld(DEFAULT_WORLD_OPTIONS)],
  ['seed 99, scale 0.7, as of 2025-01-08', generateWorld({ seed: 99, scale: 0.7, asOf: '2025-01-08' })],
])('generateWorld, %s: decisions after their deadline besides arbitration', (_label, world) => {
  /** Days each decision came after its deadline (0 or less: on time). */
  const kinds: [string, number[], number][] = [
    [
      'first-instance judgments, 6 months after filing',
      world.court.lawsuits
        .filter((l) => l.caseNo.includes('民初') && l.judgmentOn)
        .map((l) => day(l.judgmentOn!) - monthsLater(l.filedOn, 6)),
      60,
    ],
    [
      'judicial confirmations, 15 days after the application',
      world.court.judicialConfirmations.filter((c) => c.decidedOn).map((c) => day(c.decidedOn!) - day(c.appliedOn) - 15),
      10,
    ],
    [
      'legal-aid grants, 7 days after the application',
      world.justice.legalAidCases.filter((a) => a.grantedOn).map((a) => day(a.grantedOn!) - day(a.appliedOn) - 7),
      5,
    ],
  ];

  it.each(kinds)('%s: some late, none by more than the maximum, at most one in ten', (_kind, lateness, maxDaysLate) => {
    const late = lateness.filter((d) => d > 0);
    expect(lateness.length).toBeGreaterThan(20);
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...late)).toBeLessThanOrEqual(maxDaysLate);
    expect(late.length / lateness.length).toBeLessThanOrEqual(0.1);
  });
});
