import type { Tracing } from './tracing';

/**
 * The tracing this process started (preload.ts), kept on a global symbol: the preload and the service's
 * own modules may be loaded as different module instances (a preload from dist/, a test from the sources).
 */
const KEY = Symbol.for('labour.telemetry.tracing');

type WithTracing = typeof globalThis & { [KEY]?: Tracing };

export function setActiveTracing(tracing: Tracing | undefined): void {
  (globalThis as WithTracing)[KEY] = tracing;
}

export function activeTracing(): Tracing | undefined {
  return (globalThis as WithTracing)[KEY];
}

/** Exports the spans still queued and stops tracing; a service calls it last when it stops. Never throws. */
export async function stopTracing(timeoutMs = 5_000): Promise<void> {
  const tracing = activeTracing();
  if (!tracing) return;
  setActiveTracing(undefined);
  try {
    await tracing.shutdown(timeoutMs);
  } catch {
    // A collector that cannot be reached must not keep a service from stopping.
  }
}
