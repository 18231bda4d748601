import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_STACKS_DIR, stopSharedStackProcess } from './shared-stack-process';

/**
 * Jest globalTeardown of the e2e project: stops every worker's shared stack by the pid it recorded, then
 * deletes the directory. Jest runs it before the root teardown stops PostgreSQL, so each stack drops its
 * databases itself.
 */
export default async function sharedStacksTeardown(): Promise<void> {
  const dir = process.env[SHARED_STACKS_DIR];
  if (!dir || !existsSync(dir)) return;
  delete process.env[SHARED_STACKS_DIR];
  const pids = readdirSync(dir)
    .filter((name) => /^stack-.+\.pid$/.test(name))
    .map((name) => Number(readFileSync(join(dir, name), 'utf8')));
  await Promise.all(pids.filter((pid) => Number.isInteger(pid) && pid > 0).map((pid) => stopSharedStackProcess(pid)));
  rmSync(dir, { recursive: true, force: true });
}
