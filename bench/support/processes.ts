import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PrefixedOutput } from '../../scripts/lib/output';

/**
 * The processes `npm run bench:peers` starts itself (subgraphs, one gateway at a time): each stopped by its
 * own pid, SIGTERM then SIGKILL, and all of them on failure or Ctrl-C (the caller registers `stopAll`).
 */
export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

const running = new Set<BenchProcess>();

export function startProcess(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  output: PrefixedOutput,
  cwd: string,
): BenchProcess {
  // An IPC channel: the services exit when it closes, so even a bench killed with SIGKILL leaves none behind.
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  output.pipe(name, child.stdout!, 'stdout');
  output.pipe(name, child.stderr!, 'stderr');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: BenchProcess = {
    name,
    pid: child.pid,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(child.pid!, 'SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(child.pid!, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(proc);
    },
  };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((proc) => proc.stop()));
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The resident set size of a process now, in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** The five services as the launcher names them. */
export const SERVICE_NAMES = ['hr-bureau', 'union', 'court', 'justice', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** A process's direct children (every thread's: Node spawns from its main thread, but be thorough). */
function childrenOf(pid: number): number[] {
  const children = new Set<number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
      children.add(Number(child));
  }
  return [...children];
}

/** Which service a process runs, from its command line (its entry point's path, compiled or TypeScript, names the workspace). */
function serviceOf(pid: number): ServiceName | undefined {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  return SERVICE_NAMES.find((service) =>
    argv.some((arg) =>
      (service === 'gateway' ? /(^|\/)gateway\/src\/main\.[jt]s$/ : new RegExp(`subgraphs/${service}/src/main\\.[jt]s$`)).test(arg),
    ),
  );
}

/** The pid of each service among a launcher's (`npm start`'s) children; the ones not (yet) running are left out. */
export function launcherServices(launcherPid: number): Partial<Record<ServiceName, number>> {
  const found: Partial<Record<ServiceName, number>> = {};
  for (const pid of childrenOf(launcherPid)) {
    const service = serviceOf(pid);
    if (service) found[service] = pid;
  }
  return found;
}

/** The pid of every service of a launcher; an error names those it has not started. */
function allLauncherServices(launcherPid: number): Record<ServiceName, number> {
  const found = launcherServices(launcherPid);
  const missing = SERVICE_NAMES.filter((service) => found[service] === undefined);
  if (missing.length > 0) throw new Error(`no process found for ${missing.join(', ')} among the launcher's children`);
  return found as Record<ServiceName, number>;
}

/** Stops a launcher as Ctrl-C does (SIGINT, SIGKILL after 30 s) and waits for it. */
export async function stopLauncher(launcher: ChildProcess): Promise<void> {
  if (launcher.exitCode !== null || launcher.signalCode !== null) return;
  const exited = new Promise((done) => launcher.once('exit', done));
  launcher.kill('SIGINT');
  const timer = setTimeout(() => launcher.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** A launcher (`npm start`) that has started every service, and how long that took. */
export interface StartedLauncher {
  launcher: ChildProcess;
  startSeconds: number;
  pids: Record<ServiceName, number>;
}

/** Starts the launcher (scripts/start.ts) with `env` and waits for its "gateway: http://…" line; stopped again if that does not come. */
export async function startLauncher(env: NodeJS.ProcessEnv): Promise<StartedLauncher> {
  let output = '';
  const began = performance.now();
  const launcher = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts'], {
    cwd: resolve(__dirname, '..', '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    while (!/gateway: http:\/\//.test(output)) {
      if (launcher.exitCode !== null || performance.now() - began > 240_000)
        throw new Error(`the launcher did not start:\n${output.slice(-4000)}`);
      await sleep(50);
    }
    return { launcher, startSeconds: (performance.now() - began) / 1000, pids: allLauncherServices(launcher.pid!) };
  } catch (error) {
    await stopLauncher(launcher);
    throw error;
  }
}
