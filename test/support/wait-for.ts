import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForOptions {
  /**
   * How long to keep trying before failing (default 20 s). A bound for a stuck test, not a measurement:
   * it is far above what the awaited event takes even on a busy machine, and nothing asserts on the time.
   */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms), so that polling does not starve what it waits for. */
  intervalMs?: number;
  /** What is awaited, for the failure's message. */
  what?: string;
}

/**
 * Waits for an event instead of guessing how long it takes: calls `probe` until `done` holds for its result,
 * then returns that result. Fails after `timeoutMs` with the last result (or the probe's last error), so a
 * missed event shows what was seen instead.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, options: WaitForOptions = {}): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 50, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const seen = last && 'error' in last ? `the probe threw ${String(last.error)}` : `last seen: ${shown(last?.value)}`;
  throw new Error(`Waited ${timeoutMs} ms for ${what}, in vain; ${seen}`);
}

function shown(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
  } catch {
    return String(value);
  }
}
