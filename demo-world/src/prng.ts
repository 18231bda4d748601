/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the helpers the
 * demo generator needs. The world must be reproducible from its seed, so nothing in `demo/` may use
 * Math.random; every random choice goes through a `Prng`.
 */
import type { IsoDate } from './world.types';
import { dayOf, isoOf } from './dates';

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the 128-bit state, so seeds 1 and 2 diverge at once.
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * An independent stream for one part of the world, so that adding draws to one generator does not
   * shift every record generated after it.
   */
  static fork(seed: number, label: string): Prng {
    let h = 0x811c9dc5 ^ (seed >>> 0);
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Prng(Math.imul(h ^ (seed >>> 0), 0x9e3779b1) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks from `[item, weight]` pairs; weights need not sum to 1. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [item, w] of pairs) {
      r -= w;
      if (r < 0) return item;
    }
    if (pairs.length === 0) throw new RangeError('weighted pick from an empty list');
    return pairs[pairs.length - 1]![0];
  }

  /** A shuffled copy (Fisher-Yates); the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items, each drawn with probability proportional to its weight (Efraimidis-Spirakis). */
  weightedSample<T>(items: readonly T[], weightOf: (item: T) => number, count: number): T[] {
    const keyed = items.map((item) => {
      const w = weightOf(item);
      return { item, key: w > 0 ? Math.log(this.next() + Number.EPSILON) / w : -Infinity };
    });
    keyed.sort((x, y) => y.key - x.key);
    return keyed.slice(0, Math.max(0, count)).map((k) => k.item);
  }

  /** A day number in [minDay, maxDay]; see `dates.ts`. */
  dayBetween(minDay: number, maxDay: number): number {
    return this.int(minDay, maxDay);
  }

  /** An ISO date between two ISO dates, both included. */
  dateBetween(from: IsoDate, to: IsoDate): IsoDate {
    return isoOf(this.int(dayOf(from), dayOf(to)));
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }
}

/** Weighted picks from a large list in O(log n): cumulative weights and a binary search. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += Math.max(0, weightOf(item));
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('a weighted table needs at least one positive weight');
    this.total = sum;
  }

  draw(prng: Prng): T {
    const r = prng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
