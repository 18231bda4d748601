/**
 * Which decisions come after their legal deadline. A real zone misses a few deadlines in every quarter,
 * not many in some quarters and none in others, so lateness is spread by systematic sampling: of the
 * decisions due in one quarter, taken in the order they are drawn, every (1/share)-th from a random
 * start is late. A quarter of n decisions thus gets floor(n * share) or one more late decisions.
 * Each kind of case keeps its own instance on its own random stream, so that the draws here do not
 * shift the rest of the world.
 */
import type { Prng } from './prng';
import { monthOf, yearOf } from './dates';

interface QuarterCount {
  /** The random start in [0, 1) of the quarter's sampling. */
  start: number;
  /** Decisions due in the quarter so far. */
  count: number;
}

export class LateDecisions {
  private readonly quarters = new Map<number, QuarterCount>();

  constructor(
    private readonly prng: Prng,
    /** The share of decisions that come late, in (0, 1). */
    private readonly share: number,
    /** The most days after the deadline a late decision comes. */
    private readonly maxDaysLate: number,
  ) {
    if (!(share > 0 && share < 1)) throw new RangeError(`share must be in (0, 1), got ${share}`);
    if (!Number.isInteger(maxDaysLate) || maxDaysLate < 1)
      throw new RangeError(`maxDaysLate must be a whole number of at least 1, got ${maxDaysLate}`);
  }

  /** How many days after `dueDay` the next decision due then comes: 0 when on time, else 1 to maxDaysLate. */
  daysLate(dueDay: number): number {
    const key = yearOf(dueDay) * 4 + Math.floor((monthOf(dueDay) - 1) / 3);
    let quarter = this.quarters.get(key);
    if (!quarter) {
      quarter = { start: this.prng.next(), count: 0 };
      this.quarters.set(key, quarter);
    }
    const before = Math.floor(quarter.start + quarter.count * this.share);
    quarter.count += 1;
    const late = Math.floor(quarter.start + quarter.count * this.share) > before;
    return late ? this.prng.int(1, this.maxDaysLate) : 0;
  }
}
