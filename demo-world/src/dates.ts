/**
 * Dates as day numbers (days since 1970-01-01, UTC) while generating: plain integers are easy to
 * compare and add, and turn into the ISO dates of the world only at the edge.
 */
import type { IsoDate } from './world.types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOfYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The day number of an ISO date; throws on anything that is not a real `YYYY-MM-DD` date. */
export function dayOf(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const day = dayOfYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (isoOf(day) !== iso) throw new RangeError(`not a real date: ${iso}`);
  return day;
}

export function isoOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** The same calendar day `years` later; 29 February rolls to 1 March as JavaScript dates do. */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** `2026年3月15日`, the way dates are written in Chinese legal texts. */
export function chineseDateOf(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
