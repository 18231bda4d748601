import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitReadyOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Aborts the wait (the launcher is shutting down, or the process died). */
  readonly signal?: AbortSignal;
}

/**
 * Polls `url` until it answers 200. Services answer 503 while they migrate and load demo data, and
 * refuse connections before they listen; both mean "not yet". The error names the last answer seen.
 */
export async function waitForReady(url: string, options: WaitReadyOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  while (true) {
    options.signal?.throwIfAborted();
    try {
      const response = await fetch(url, {
        signal: AbortSignal.any([AbortSignal.timeout(2_000), ...(options.signal ? [options.signal] : [])]),
      });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      options.signal?.throwIfAborted();
      const cause = (error as { cause?: { code?: string } }).cause;
      last = cause?.code ?? (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${url} was not ready after ${Math.round(options.timeoutMs / 1000)} s (last answer: ${last})`);
    }
    await sleep(options.intervalMs ?? 250, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
