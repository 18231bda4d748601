import { performance } from 'node:perf_hooks';

/** "420 ms" or "3.8 s" since `since` (a performance.now() reading), for the launcher's timing lines. */
export function elapsed(since: number): string {
  const ms = performance.now() - since;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
