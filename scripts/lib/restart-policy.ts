import { performance } from 'node:perf_hooks';

/**
 * When the launcher restarts something that ended on its own (a service, PostgreSQL): after a delay
 * that doubles with each restart, and not more often than a cap allows. Both count only the restarts of
 * the last window (a minute by default), so something that has run well for a while starts again from
 * the shortest delay, while something that crashes at once on every start stops being restarted soon:
 * a tight loop would fill the terminal with the same stack trace and keep the machine busy.
 */

export interface RestartLimits {
  /** Delay before the first restart within the window. */
  readonly initialDelayMs: number;
  /** The doubling stops here. */
  readonly maxDelayMs: number;
  /** Restarts allowed within `windowMs`; the next end leaves it stopped. */
  readonly maxRestarts: number;
  readonly windowMs: number;
}

/** 0.5 s, 1 s, 2 s, 4 s, 8 s (10 s at most), and no more than 5 restarts a minute. */
export const DEFAULT_RESTART_LIMITS: RestartLimits = { initialDelayMs: 500, maxDelayMs: 10_000, maxRestarts: 5, windowMs: 60_000 };

export type RestartDecision =
  /** `attempt`: this restart's number within the window (1 for the first). */
  | { readonly restart: true; readonly attempt: number; readonly delayMs: number }
  /** The cap is reached: `restarts` were made within the window already. */
  | { readonly restart: false; readonly restarts: number };

export class RestartPolicy {
  /** When each restart of the current window was decided (readings of `now`). */
  private readonly restarts: number[] = [];

  constructor(
    readonly limits: RestartLimits = DEFAULT_RESTART_LIMITS,
    // A monotonic clock: a restart decision must not jump when the machine's calendar is set.
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Decides what to do about an end that just happened; a decision to restart counts as a restart. */
  next(): RestartDecision {
    const now = this.now();
    while (this.restarts.length > 0 && now - this.restarts[0] >= this.limits.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.limits.maxRestarts) return { restart: false, restarts: this.restarts.length };
    this.restarts.push(now);
    const attempt = this.restarts.length;
    const delayMs = Math.min(this.limits.initialDelayMs * 2 ** (attempt - 1), this.limits.maxDelayMs);
    return { restart: true, attempt, delayMs };
  }
}

/** "0.5 s", "8 s": a delay as the launcher's log lines show it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
