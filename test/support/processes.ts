import { readdirSync, readFileSync } from 'node:fs';

/**
 * The pid of the child of `parentPid` running `entry` (Linux: from /proc), so that a test or a bench can
 * signal exactly that process and nothing found by name.
 */
export function childRunning(parentPid: number, entry: string): number {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        // The parent's pid is the 4th field of /proc/<pid>/stat, after the command in parentheses.
        const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return parent === parentPid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(entry);
      } catch {
        return false; // gone meanwhile
      }
    });
  if (pids.length !== 1) throw new Error(`expected one process running ${entry}, found ${pids.length}`);
  return pids[0]!;
}

/**
 * The clock of the machine as this test sees it, for a process the test starts with an environment of its
 * own (a service, as a container would run it): when the suite runs with its clock moved (libfaketime
 * preloaded: `npm run test:calendar`, or the `faketime` command, which shares its clock through
 * FAKETIME_SHARED), the process's clock moves with it, as it does for every process that inherits the
 * test's environment; otherwise the tokens the test signs would come from the future.
 */
export function hostClock(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name, value]) => value !== undefined && (name === 'LD_PRELOAD' || name.startsWith('FAKETIME'))),
  );
}
