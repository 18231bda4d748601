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
