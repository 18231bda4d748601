import { isIsoDate, todayInChina } from './dates';

/**
 * Where a service takes "now" and "today" from. Each service is given one when it starts (the real
 * calendar in production; a fixed day in tests, and in a demo when configured) and hands it to every
 * request in its context, so that deadlines, `overdue`, T+2, channel validity and risk windows never
 * read the machine's calendar deep inside a resolver.
 */
export interface Clock {
  /** The current instant (timestamps such as `decidedAt`). */
  now(): Date;
  /** Today in China (UTC+8), `YYYY-MM-DD`: the day the legal clock counts from. */
  today(): string;
}

/** The machine's calendar: what production runs on. */
export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
  today: () => todayInChina(),
});

/**
 * A clock whose day is always `day`: its time starts at noon of that day (China time) when the clock is
 * made and runs on from there, so that timestamps taken during a run keep their order and do not depend
 * on the hour the run began; it stops at the day's last millisecond rather than pass into the next day.
 */
export function clockOn(day: string): Clock {
  if (!isIsoDate(day)) throw new RangeError(`clockOn takes a date written YYYY-MM-DD, not "${day}"`);
  const noon = Date.parse(`${day}T12:00:00+08:00`);
  const lastMoment = Date.parse(`${day}T23:59:59.999+08:00`);
  const started = performance.now();
  const now = () => new Date(Math.min(noon + Math.floor(performance.now() - started), lastMoment));
  return Object.freeze({ now, today: () => day });
}

/** The clock a service runs on: pinned to `day` when one is configured (`CLOCK_TODAY`), else the machine's. */
export function clockFrom(day: string | null | undefined): Clock {
  return day ? clockOn(day) : systemClock;
}
