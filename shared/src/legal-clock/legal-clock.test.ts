import { BadUserInputError } from '../errors';
import { addDays, daysBetween, isIsoDate, todayInChina } from './dates';
import { arbitrationAcceptanceDueOn, arbitrationAwardDueOn, mediationDueOn, suitAfterAwardDueOn } from './deadlines';
import { assertTransition } from './state-machine';

describe('the legal clock', () => {
  it('counts whole calendar days across months and leap years', () => {
    expect(addDays('2026-01-25', 15)).toBe('2026-02-09');
    expect(addDays('2028-02-20', 15)).toBe('2028-03-06');
    expect(daysBetween('2026-09-04', '2026-10-19')).toBe(45);
    expect(daysBetween('2026-10-19', '2026-09-04')).toBe(-45);
  });

  it('gives the statutory deadlines', () => {
    expect(mediationDueOn('2026-11-01')).toBe('2026-11-16');
    expect(arbitrationAcceptanceDueOn('2026-09-01')).toBe('2026-09-06');
    expect(arbitrationAwardDueOn('2026-09-04', false)).toBe('2026-10-19');
    expect(arbitrationAwardDueOn('2026-09-04', true)).toBe('2026-11-03');
    expect(suitAfterAwardDueOn('2026-10-30')).toBe('2026-11-14');
    expect(suitAfterAwardDueOn('2026-12-20')).toBe('2027-01-04');
  });

  it('knows real dates and the day in China', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
    // 17:00 UTC is already the next day in Beijing.
    expect(todayInChina(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
    expect(todayInChina(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
  });

  it('refuses a transition the table does not allow, naming both states', () => {
    const table = { OPEN: ['CLOSED'], CLOSED: [] } as const;
    expect(() => assertTransition(table, 'OPEN', 'CLOSED')).not.toThrow();
    expect(() => assertTransition(table, 'CLOSED', 'OPEN')).toThrow(BadUserInputError);
    expect(() => assertTransition(table, 'CLOSED', 'OPEN')).toThrow('status cannot change from CLOSED to OPEN (allowed from CLOSED: none)');
  });
});
