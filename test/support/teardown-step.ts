import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One step of tearing a test service down, bounded: a step that takes longer than `limitMs` (default 15 s)
 * is reported on stderr, naming it, and the teardown goes on, so that the next step (dropping the test
 * database WITH (FORCE), which ends its connections) still runs and no hook outlives Jest's timeout.
 * Teardown is not what a test asserts; a step that hangs is reported so it can be found, not hidden.
 */
export async function teardownStep(what: string, step: () => Promise<unknown>, limitMs = 15_000): Promise<void> {
  const started = Date.now();
  const finished = step().then(
    () => 'done' as const,
    (error: unknown) => {
      process.stderr.write(`teardown: ${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return 'done' as const;
    },
  );
  const timer = new AbortController();
  const outcome = await Promise.race([finished, sleep(limitMs, 'late' as const, { signal: timer.signal }).catch(() => 'done' as const)]);
  timer.abort();
  if (outcome === 'late') process.stderr.write(`teardown: ${what} took over ${limitMs} ms; going on without it\n`);
  else if (Date.now() - started > 3_000) process.stderr.write(`teardown: ${what} took ${Date.now() - started} ms\n`);
}
