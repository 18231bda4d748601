import { postgresLogFilter } from './postgres-log-filter';

const line = (severity: string, text: string): string => `2026-11-21 05:40:00.123 UTC [4242] ${severity}:  ${text}`;

describe('postgresLogFilter', () => {
  it('hides routine LOG lines and shows problems with the lines that explain them', () => {
    const show = postgresLogFilter('problems');
    expect(show(line('LOG', 'database system is ready to accept connections'))).toBe(false);
    expect(show(line('FATAL', 'password authentication failed for user "court_svc"'))).toBe(true);
    expect(show(line('DETAIL', 'Connection matched file "pg_hba.conf" line 3'))).toBe(true);
    expect(show(line('LOG', 'checkpoint starting: time'))).toBe(false);
    expect(show(line('DETAIL', 'belongs to the hidden LOG entry'))).toBe(false);
    expect(show(line('ERROR', 'relation "x" does not exist'))).toBe(true);
    expect(show('\tcontinuation of the statement')).toBe(true);
    expect(show(line('WARNING', 'could not flush dirty data'))).toBe(true);
  });

  it('shows everything in "all" mode', () => {
    expect(postgresLogFilter('all')(line('LOG', 'checkpoint complete'))).toBe(true);
  });
});
