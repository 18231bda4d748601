import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The processes of the shared end-to-end stacks (shared-stack.ts), by pid: kept apart from shared-stack.ts
 * so that the e2e project's globalSetup and globalTeardown load nothing of the services.
 */

/** The environment variable naming the run's directory of shared stacks (set by the e2e globalSetup). */
export const SHARED_STACKS_DIR = 'LABOUR_E2E_SHARED_STACKS';

/** Whether `pid` runs (Linux: a zombie, exited but not yet reaped, does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Stops a shared stack's process by its pid: SIGTERM (it stops the stack), then SIGKILL after `graceMs`. */
export async function stopSharedStackProcess(pid: number, graceMs = 30_000): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) {
    process.stderr.write(`shared stack ${pid} did not stop within ${graceMs} ms of SIGTERM: SIGKILL\n`);
    process.kill(pid, 'SIGKILL');
  }
}
