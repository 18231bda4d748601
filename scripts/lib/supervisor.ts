import { spawn, type ChildProcess } from 'node:child_process';
import type { Log, PrefixedOutput } from './output';
import { waitForReady } from './wait-ready';

/**
 * Runs the services as child processes and owns the shutdown of everything. Children get an IPC channel:
 * the services exit when it closes, so even a launcher killed with SIGKILL leaves none of them behind.
 * Shutdown order: stop every child (SIGTERM, SIGKILL after the grace period), then run the shutdown hooks
 * newest first (PostgreSQL stops after the services that use it, the launcher lock is released last).
 */

export interface ServiceSpec {
  readonly name: string;
  /** Arguments for `command`. */
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Default: the Node binary running the launcher (Node 24 from node_modules, not the shell's node). */
  readonly command?: string;
}

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  readonly error?: Error;
}

export interface SupervisorOptions {
  readonly output: PrefixedOutput;
  readonly log: Log;
  /** Grace period between SIGTERM and SIGKILL (default 10 s). */
  readonly stopTimeoutMs?: number;
  /** How the launcher ends (default process.exit; tests pass a recorder). */
  readonly exit?: (code: number) => void;
}

interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<ChildExit>;
  /** Aborted (with the reason) when the process exits: ends a wait for its readiness at once. */
  readonly gone: AbortController;
  /** A one-shot task (exits by design) rather than a service (which must not exit). */
  readonly oneShot: boolean;
}

type Hook = () => void | Promise<void>;

export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not start: ${exit.error.message}`;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export class Supervisor {
  private readonly running = new Map<string, Managed>();
  private readonly hooks: Hook[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly shutdownStarted = new AbortController();
  private shutdownPromise: Promise<void> | undefined;
  private signalsSeen = 0;

  constructor(private readonly options: SupervisorOptions) {}

  get stopping(): boolean {
    return this.shutdownPromise !== undefined;
  }

  /** Aborted when shutdown begins. */
  get shutdownSignal(): AbortSignal {
    return this.shutdownStarted.signal;
  }

  /** Starts a long-running service; if it ever exits on its own, everything is shut down with exit code 1. */
  start(spec: ServiceSpec): ChildProcess {
    return this.spawnManaged(spec, false).child;
  }

  /**
   * Runs a one-shot task to its end (stopped like the services if the launcher shuts down first). No IPC
   * channel here: a process that listens for 'disconnect' keeps its channel referenced and so never ends
   * by itself, and a finite task has no need to notice the launcher's death.
   */
  run(spec: ServiceSpec): Promise<ChildExit> {
    return this.spawnManaged(spec, true).exited;
  }

  /** Waits until the service answers 200 on `url`; fails at once if the service exits or shutdown begins. */
  async waitReady(name: string, url: string, timeoutMs: number): Promise<void> {
    const managed = this.running.get(name);
    if (!managed) throw new Error(`${name} is not running`);
    const signal = AbortSignal.any([managed.gone.signal, this.shutdownStarted.signal]);
    await waitForReady(url, { timeoutMs, signal });
  }

  /** Runs `hook` during shutdown, after the children are stopped; hooks run newest first. */
  onShutdown(hook: Hook): void {
    this.hooks.push(hook);
  }

  /**
   * Lets `work` (e.g. starting PostgreSQL and registering its stop hook) finish before shutdown runs the
   * hooks, so a Ctrl-C during start-up cannot leave a half-started server without its stop hook.
   */
  guard<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = (): void => void this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * SIGINT/SIGTERM/SIGHUP shut down with `exitCode`; a second signal kills the children at once. One
   * Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm) within moments, so
   * a repeat within a second counts as the same one.
   */
  handleSignals(exitCode: number): void {
    let firstAt = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (this.signalsSeen > 0 && Date.now() - firstAt < 1000) return;
      this.signalsSeen += 1;
      if (this.signalsSeen === 1) {
        firstAt = Date.now();
        void this.shutdown(exitCode, `received ${signal}, stopping everything`);
      } else {
        this.options.log.warn(`received ${signal} again: killing the services now`);
        for (const managed of this.running.values()) managed.child.kill('SIGKILL');
      }
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  }

  /** Stops the children, runs the hooks, then exits with `exitCode`. Later calls join the first one. */
  shutdown(exitCode: number, reason?: string): Promise<void> {
    this.shutdownPromise ??= this.runShutdown(exitCode, reason);
    return this.shutdownPromise;
  }

  private spawnManaged(spec: ServiceSpec, oneShot: boolean): Managed {
    if (this.stopping) throw new Error(`not starting ${spec.name}: shutting down`);
    if (this.running.has(spec.name)) throw new Error(`${spec.name} is already running`);
    const child = spawn(spec.command ?? process.execPath, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: oneShot ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.options.output.pipe(spec.name, child.stdout, 'stdout');
    this.options.output.pipe(spec.name, child.stderr, 'stderr');

    const gone = new AbortController();
    const exited = new Promise<ChildExit>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      // 'close', not 'exit': it comes after the last output line, so a crash's stack trace is printed
      // before the launcher reports the crash.
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    const managed: Managed = { name: spec.name, child, exited, gone, oneShot };
    this.running.set(spec.name, managed);

    void exited.then((exit) => {
      this.running.delete(spec.name);
      gone.abort(new Error(`${spec.name} exited before it was ready (${describeExit(exit)})`));
      if (this.stopping || oneShot) return;
      this.options.log.error(`${spec.name} exited unexpectedly (${describeExit(exit)})`);
      void this.shutdown(1, 'shutting down because a service stopped');
    });
    return managed;
  }

  private async stopChild(managed: Managed, timeoutMs: number): Promise<void> {
    managed.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    const late = await Promise.race([managed.exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) {
      this.options.log.warn(`${managed.name} did not stop within ${timeoutMs / 1000} s; killing it`);
      managed.child.kill('SIGKILL');
      await managed.exited;
    }
  }

  private async runShutdown(exitCode: number, reason?: string): Promise<void> {
    if (reason) this.options.log.info(reason);
    this.shutdownStarted.abort(new Error('shutting down'));
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;

    await Promise.allSettled([...this.pending]);
    await Promise.all([...this.running.values()].map((managed) => this.stopChild(managed, timeoutMs)));
    for (const hook of [...this.hooks].reverse()) {
      try {
        await hook();
      } catch (error) {
        this.options.log.error(`during shutdown: ${(error as Error).message}`);
        exitCode = exitCode || 1;
      }
    }
    (this.options.exit ?? ((code: number) => process.exit(code)))(exitCode);
  }
}
