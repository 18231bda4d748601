import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_STACKS_DIR } from './shared-stack-process';
import { newTestKeySet, TEST_KEYS_VARIABLE } from './test-keys';

/**
 * Jest globalSetup of the e2e project: the run's directory of shared stacks (shared-stack.ts), where each
 * worker's stack records its pid, and the pid of this Jest process, which a stack outliving it stops for.
 * No stack is started here: the first file of a worker that uses one starts it, so a run of files that all
 * start their own pays for none. And the run's test keys (test-keys.ts), made once here: a stack started
 * by one worker's file must trust the tokens every other file signs. Workers start after this and inherit
 * both variables, and each stack's process inherits them from its worker.
 */
export default async function sharedStacksSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'labour-e2e-stacks-'));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  process.env[SHARED_STACKS_DIR] = dir;
  process.env[TEST_KEYS_VARIABLE] ??= JSON.stringify(newTestKeySet());
}
