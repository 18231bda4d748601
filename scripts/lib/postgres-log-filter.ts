/**
 * Which PostgreSQL log lines the launcher shows. Routine LOG lines (start-up banner, checkpoints every few
 * minutes) would bury the services' output, so by default only problems are shown: WARNING and worse, with
 * the DETAIL/HINT/CONTEXT/STATEMENT lines that belong to them. `all` shows everything.
 */

const SEVERITY = /\b(DEBUG\d?|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC|DETAIL|HINT|QUERY|CONTEXT|LOCATION|STATEMENT):/;
const PROBLEMS = new Set(['WARNING', 'ERROR', 'FATAL', 'PANIC']);
const FOLLOWERS = new Set(['DETAIL', 'HINT', 'QUERY', 'CONTEXT', 'LOCATION', 'STATEMENT']);

export type PostgresLogMode = 'problems' | 'all';

export function postgresLogFilter(mode: PostgresLogMode): (line: string) => boolean {
  if (mode === 'all') return () => true;
  let showingEntry = false;
  return (line) => {
    const severity = SEVERITY.exec(line)?.[1];
    if (severity === undefined) return showingEntry; // continuation of the entry before
    if (!FOLLOWERS.has(severity)) showingEntry = PROBLEMS.has(severity);
    return showingEntry;
  };
}
