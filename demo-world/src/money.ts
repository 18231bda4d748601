/**
 * Money is computed in integer fen (1 yuan = 100 fen) and written as a decimal string with exactly two
 * places, so no float rounding can creep into amounts that other services compare and sum.
 */
import type { Money } from './world.types';

export function moneyOf(fen: number): Money {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative whole number of fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** Whole yuan to fen. */
export function fenOfYuan(yuan: number): number {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`not a whole number of yuan: ${yuan}`);
  return yuan * 100;
}

/** `part` per-mille of an amount, rounded down to whole yuan (awards and agreements are in yuan). */
export function shareOf(fen: number, perMille: number): number {
  return Math.floor((fen * perMille) / 100_000) * 100;
}

/** An amount for prose: `28000.00元` is how awards write it. */
export function yuanText(fen: number): string {
  return `${moneyOf(fen)}元`;
}

/** Hundredths as a two-place decimal string: 550 → "5.50" (used for percentages). */
export function hundredthsOf(n: number): string {
  return moneyOf(n);
}
