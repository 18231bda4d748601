import { parsePeriod } from './period';

describe('parsePeriod', () => {
  it('reads a year', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('reads each quarter', () => {
    expect(parsePeriod('2026-Q1')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026-Q2')).toEqual({ label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(parsePeriod('2026-Q3')).toEqual({ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2026-Q4')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
  });

  it('reads a month, leap February included', () => {
    expect(parsePeriod('2026-05')).toEqual({ label: '2026-05', from: '2026-05-01', to: '2026-05-31' });
    expect(parsePeriod('2028-02')).toEqual({ label: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-02').to).toBe('2026-02-28');
    expect(parsePeriod('2026-12').to).toBe('2026-12-31');
  });

  it.each(['', '26', '2026-13', '2026-00', '2026-Q0', '2026-Q5', '2026-q1', '2026-5', '2026-05-01', ' 2026', '1999', '2100', '2026/05'])(
    'refuses %j with BAD_USER_INPUT on the field',
    (value) => {
      expect(() => parsePeriod(value, 'period')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' }) }),
      );
    },
  );
});
