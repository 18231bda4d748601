import { addWorkingDays } from './dates';

describe('addWorkingDays (T+2 for notices)', () => {
  it.each([
    ['a Monday', '2026-11-16', 2, '2026-11-18'],
    ['a Thursday, over the weekend', '2026-11-19', 2, '2026-11-23'],
    ['a Friday', '2026-11-20', 2, '2026-11-24'],
    ['a Saturday: Monday and Tuesday count', '2026-11-21', 2, '2026-11-24'],
    ['a Sunday', '2026-11-22', 2, '2026-11-24'],
    ['a Friday, one day', '2026-11-20', 1, '2026-11-23'],
    ['across a month and a year', '2026-12-31', 2, '2027-01-04'],
    ['no days', '2026-11-21', 0, '2026-11-21'],
    ['ten days: two weeks', '2026-11-16', 10, '2026-11-30'],
  ])('counts from %s', (_when, from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('does not model public holidays: National Day counts as a working day', () => {
    // 2026-10-01 is a Thursday and a public holiday; the helper knows weekends only.
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-02');
  });

  it('refuses to count backwards or in fractions', () => {
    expect(() => addWorkingDays('2026-11-20', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-20', 1.5)).toThrow(RangeError);
  });
});
