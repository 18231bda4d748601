import { clockFrom, clockOn, systemClock } from './clock';
import { todayInChina } from './dates';

describe('clocks', () => {
  it('pins the day and keeps time running within it', async () => {
    const clock = clockOn('2026-11-20');
    const first = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = clock.now();
    expect(clock.today()).toBe('2026-11-20');
    expect([todayInChina(first), todayInChina(second)]).toEqual(['2026-11-20', '2026-11-20']);
    expect(second.getTime()).toBeGreaterThan(first.getTime());
  });

  it('starts at noon of its day, whatever the hour on the machine', () => {
    const moved = clockOn('2031-02-28').now();
    expect(moved.getTime() - Date.parse('2031-02-28T12:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(moved.getTime() - Date.parse('2031-02-28T12:00:00+08:00')).toBeLessThan(60_000);
  });

  it('refuses a day that is not a real date', () => {
    expect(() => clockOn('2026-02-30')).toThrow('clockOn takes a date written YYYY-MM-DD, not "2026-02-30"');
  });

  it('is the machine calendar unless a day is configured', () => {
    expect(clockFrom(null)).toBe(systemClock);
    expect(clockFrom(undefined)).toBe(systemClock);
    expect(clockFrom('2027-06-01').today()).toBe('2027-06-01');
    expect(systemClock.today()).toBe(todayInChina(systemClock.now()));
  });
});
