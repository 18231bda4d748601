import { BadUserInputError } from '../errors';

/** A reporting period (统计期) as the dates it covers, both inclusive. */
export interface Period {
  /** The period as written: `2026`, `2026-Q2` or `2026-05`. */
  label: string;
  /** First day (YYYY-MM-DD). */
  from: string;
  /** Last day (YYYY-MM-DD). */
  to: string;
}

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/**
 * Parses a period: a year `YYYY`, a quarter `YYYY-Qn` or a month `YYYY-MM` (years 2000 to 2099).
 * Anything else is BAD_USER_INPUT on `field` with rule `period`.
 */
export function parsePeriod(value: string, field = 'period'): Period {
  const match = PATTERN.exec(value);
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < 2000 || year > 2099) throw new BadUserInputError({ field, rule: 'period' });
  if (match[2]) {
    const quarter = Number(match[2]);
    return { label: value, from: firstDay(year, quarter * 3 - 2), to: lastDayOfMonth(year, quarter * 3) };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return { label: value, from: firstDay(year, month), to: lastDayOfMonth(year, month) };
  }
  return { label: value, from: firstDay(year, 1), to: lastDayOfMonth(year, 12) };
}
