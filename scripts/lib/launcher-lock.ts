import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './postmaster-pid';

/**
 * One launcher (or demo reset) per data directory: a second one would find "our" PostgreSQL running,
 * take it for a leftover of a killed run and stop it under the first. The lock is a pid file created
 * exclusively; a file whose process is gone (a launcher killed with SIGKILL) is taken over.
 */

export interface LauncherLock {
  readonly file: string;
  release(): void;
}

interface LockContent {
  readonly pid: number;
  readonly command: string;
  readonly startedAt: string;
}

function readLock(file: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof content.pid === 'number' ? (content as LockContent) : undefined;
  } catch {
    return undefined; // unreadable or half-written: treat as stale
  }
}

/** Whether `pid` is alive and is a Node process (a recycled pid given to something else does not count). */
function isNodeProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /node/i.test(argv0);
  } catch {
    return true; // no /proc (macOS): trust that a live pid is the launcher
  }
}

export function acquireLauncherLock(dataDir: string, command: string, log: (message: string) => void = () => undefined): LauncherLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'launcher.pid');
  const content: LockContent = { pid: process.pid, command, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(content)}\n`);
      closeSync(fd);
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          // Only our own lock: never delete one another launcher took over.
          if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isNodeProcess(holder.pid)) {
        throw new Error(
          `Another ${holder.command} (pid ${holder.pid}, since ${holder.startedAt}) is running for ${dataDir}. ` +
            `Stop it first (Ctrl-C in its terminal, or kill ${holder.pid}), or use another DATA_DIR.`,
        );
      }
      // Stale: its launcher is gone (killed, or the machine restarted); take over.
      log(`taking over ${file} from a launcher that is gone${holder ? ` (pid ${holder.pid})` : ''}`);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the launcher lock ${file}: another launcher is starting at the same moment.`);
}
