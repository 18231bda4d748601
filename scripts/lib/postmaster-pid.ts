import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A launcher killed with SIGKILL (or a crashed test run) cannot stop its PostgreSQL: the server keeps
 * running, holding the data directory and port, and `postmaster.pid` stays behind. Before starting we
 * therefore stop a server that still runs on our data directory, or delete a pid file whose process is gone.
 * A postmaster killed with SIGKILL (while the launcher runs on) leaves the pid file too, and its children
 * for a moment: they still hold its shared memory, and PostgreSQL refuses to start beside them ("pre-existing
 * shared memory block is still in use"), so they are awaited (or, if they linger, killed) first.
 */

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/** The command line of `pid`, from /proc on Linux, else from ps. */
function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' })
        .trim()
        .split(/\s+/);
    } catch {
      return [];
    }
  }
}

/**
 * Whether `pid` is a postmaster serving `dataDir`, and not some unrelated process that got the recycled
 * pid. The postmaster changes into its data directory, so its working directory identifies it; its `-D`
 * argument is the fallback where /proc/<pid>/cwd cannot be read.
 */
export function isPostmasterFor(pid: number, dataDir: string): boolean {
  const argv = commandLine(pid);
  if (argv.length === 0 || !basename(argv[0]).startsWith('postgres')) return false;
  try {
    return samePath(readlinkSync(`/proc/${pid}/cwd`), dataDir);
  } catch {
    const flag = argv.indexOf('-D');
    return flag >= 0 && argv[flag + 1] !== undefined && samePath(argv[flag + 1], dataDir);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** Stops a postmaster: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
export async function stopPostmaster(pid: number, log: (message: string) => void): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', 20_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    if (await waitForExit(pid, waitMs)) return;
    log(`PostgreSQL (pid ${pid}) did not stop after ${signal} within ${waitMs / 1000} s`);
  }
  throw new Error(`Could not stop the PostgreSQL server with pid ${pid}; stop it by hand and try again.`);
}

/**
 * The processes of a server on `dataDir` still running (Linux only: elsewhere none are found, and a
 * start beside a lingering child fails and is retried). Every server process works in the data directory,
 * the postmaster's children included, which outlive a postmaster killed with SIGKILL until they notice.
 */
export function serverProcessesFor(dataDir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid && isPostmasterFor(pid, dataDir));
}

/**
 * Waits for the children of a killed postmaster to exit; kills those that have not after `timeoutMs`.
 * Idle ones exit at once; a backend busy with a long statement notices only when the statement ends.
 */
async function awaitOrphans(dataDir: string, log: (message: string) => void, timeoutMs: number): Promise<void> {
  const orphans = serverProcessesFor(dataDir);
  if (orphans.length === 0) return;
  log(`waiting for ${orphans.length} process(es) of the earlier PostgreSQL server to exit`);
  const exited = await Promise.all(orphans.map((pid) => waitForExit(pid, timeoutMs)));
  const lingering = orphans.filter((_, index) => !exited[index] && isPostmasterFor(orphans[index], dataDir));
  if (lingering.length === 0) return;
  log(`killing ${lingering.length} process(es) of the earlier PostgreSQL server still running: ${lingering.join(', ')}`);
  for (const pid of lingering) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
  }
  const killed = await Promise.all(lingering.map((pid) => waitForExit(pid, 5_000)));
  if (killed.includes(false))
    throw new Error(`Processes of an earlier PostgreSQL server on ${dataDir} do not exit (${lingering.join(', ')}); stop them by hand.`);
}

/** Reads the pid on the first line of `postmaster.pid`, if the file exists. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : Number.NaN;
}

export async function recoverStalePostmaster(dataDir: string, log: (message: string) => void, orphanTimeoutMs = 10_000): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  const file = join(dataDir, 'postmaster.pid');

  if (Number.isInteger(pid) && isAlive(pid) && isPostmasterFor(pid, dataDir)) {
    log(`PostgreSQL (pid ${pid}) from an earlier run still serves ${dataDir}; stopping it`);
    await stopPostmaster(pid, log);
    // A clean shutdown deletes the file itself; an immediate one or SIGKILL leaves it.
    rmSync(file, { force: true });
    return;
  }
  // Which of the two it is tells a reader of the launcher's log what happened: a server that died, or a recycled pid.
  const why = !Number.isInteger(pid)
    ? 'it holds no pid'
    : isAlive(pid)
      ? `pid ${pid} is not a PostgreSQL server for this directory`
      : `its server, pid ${pid}, no longer runs`;
  log(`removing stale ${file} (${why})`);
  await awaitOrphans(dataDir, log, orphanTimeoutMs);
  rmSync(file, { force: true });
}
