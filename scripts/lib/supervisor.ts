import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { elapsed } from './elapsed';
import type { Log, PrefixedOutput } from './output';
import { DEFAULT_RESTART_LIMITS, RestartPolicy, seconds, type RestartLimits } from './restart-policy';
import { waitForReady } from './wait-ready';

/**
 * Runs the services as child processes, keeps them running, and owns the shutdown of everything.
 * Children get an IPC channel: the services exit when it closes, so even a launcher killed with SIGKILL
 * leaves none of them behind.
 *
 * Keeping running: a service that ends on its own after it has been ready once is restarted, after a
 * delay that doubles with each restart and at most so many times a minute (restart-policy.ts); beyond
 * that it stays stopped and the others keep running. PostgreSQL, started elsewhere, is kept running the
 * same way (`watch`). A service that ends before it was ever ready fails the whole launch instead: that
 * is a misconfiguration or a broken build, which restarting would only repeat.
 *
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
  /** Restart delays and cap (default: 0.5 s doubling to 10 s, 5 restarts a minute). */
  readonly restartLimits?: RestartLimits;
}

/** One run of something kept running: its pid, its end, and when it serves. */
export interface Run {
  readonly pid?: number;
  readonly exited: Promise<ChildExit>;
  /**
   * True once it serves (default: at once, for a server started ready); false if it ended or shutdown
   * began first; rejects if it was not ready in time.
   */
  readonly ready?: Promise<boolean>;
}

interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<ChildExit>;
  /** Aborted (with the reason) when the process exits: ends a wait for its readiness at once. */
  readonly gone: AbortController;
}

/** A service or server the supervisor restarts when it ends on its own. */
interface Kept {
  readonly name: string;
  readonly policy: RestartPolicy;
  /** Starts the next run. */
  readonly restart: () => Run | Promise<Run>;
  /** Whether it has been ready once: before that an end fails the launch rather than being restarted. */
  established: boolean;
  /** Where its readiness was awaited, to await it again after a restart. */
  readiness?: { readonly url: string; readonly timeoutMs: number };
}

type Hook = () => void | Promise<void>;

export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not start: ${exit.error.message}`;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

export class Supervisor {
  private readonly running = new Map<string, Managed>();
  private readonly kept = new Map<string, Kept>();
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

  /**
   * Starts a long-running service. If it exits on its own before `waitReady` saw it ready, everything is
   * shut down with exit code 1; later, it is restarted (see the class comment).
   */
  start(spec: ServiceSpec): ChildProcess {
    const first = this.spawnManaged(spec, false);
    const kept: Kept = {
      name: spec.name,
      policy: new RestartPolicy(this.options.restartLimits ?? DEFAULT_RESTART_LIMITS),
      established: false,
      restart: () => {
        const next = this.spawnManaged(spec, false);
        const readiness = kept.readiness;
        const ready = readiness
          ? this.waitReady(spec.name, readiness.url, readiness.timeoutMs).then(
              () => true,
              (error: unknown) => {
                if (next.gone.signal.aborted || this.stopping) return false;
                throw error;
              },
            )
          : Promise.resolve(true);
        return { pid: next.child.pid, exited: next.exited, ready };
      },
    };
    this.kept.set(spec.name, kept);
    this.keep(kept, first.exited);
    return first.child;
  }

  /**
   * Keeps running a server started outside the supervisor and running now (PostgreSQL): when its run ends
   * outside a shutdown, `restart` starts it again, with the services' delays and cap.
   */
  watch(name: string, exited: Promise<ChildExit>, restart: () => Promise<Run>): void {
    const kept: Kept = {
      name,
      policy: new RestartPolicy(this.options.restartLimits ?? DEFAULT_RESTART_LIMITS),
      established: true,
      restart,
    };
    this.kept.set(name, kept);
    this.keep(kept, exited);
  }

  /**
   * Runs a one-shot task to its end (stopped like the services if the launcher shuts down first). No IPC
   * channel here: a process that listens for 'disconnect' keeps its channel referenced and so never ends
   * by itself, and a finite task has no need to notice the launcher's death.
   */
  run(spec: ServiceSpec): Promise<ChildExit> {
    return this.spawnManaged(spec, true).exited;
  }

  /**
   * Waits until the service answers 200 on `url`; fails at once if the service exits or shutdown begins.
   * Once it has answered, the service is restarted when it ends (and awaited on `url` again).
   */
  async waitReady(name: string, url: string, timeoutMs: number): Promise<void> {
    const managed = this.running.get(name);
    if (!managed) throw new Error(`${name} is not running`);
    const signal = AbortSignal.any([managed.gone.signal, this.shutdownStarted.signal]);
    await waitForReady(url, { timeoutMs, signal });
    const kept = this.kept.get(name);
    if (kept) {
      kept.established = true;
      kept.readiness = { url, timeoutMs };
    }
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

  /** Spawns a service, or a one-shot task (which exits by design, and gets no IPC channel, see run()). */
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
    const managed: Managed = { name: spec.name, child, exited, gone };
    this.running.set(spec.name, managed);

    void exited.then((exit) => {
      this.running.delete(spec.name);
      gone.abort(new Error(`${spec.name} exited before it was ready (${describeExit(exit)})`));
    });
    return managed;
  }

  /** Reacts to the end of `kept`'s current run (`exited`). */
  private keep(kept: Kept, exited: Promise<ChildExit>): void {
    void exited.then((exit) => this.afterEnd(kept, exit, performance.now()));
  }

  private async afterEnd(kept: Kept, exit: ChildExit, endedAt: number): Promise<void> {
    if (this.stopping) return;
    const { log } = this.options;
    const { name, policy } = kept;
    if (!kept.established) {
      log.error(`${name} exited unexpectedly (${describeExit(exit)}) before it was ready`);
      void this.shutdown(1, 'shutting down because a service stopped during start-up');
      return;
    }
    const decision = policy.next();
    const { maxRestarts, windowMs } = policy.limits;
    if (!decision.restart) {
      log.error(
        `${name} exited unexpectedly (${describeExit(exit)}) after ${decision.restarts} restarts within ${seconds(windowMs)}: ` +
          `it stays stopped, the rest keep running. Fix the cause its log shows above, then stop the launcher (Ctrl-C) and start it again.`,
      );
      return;
    }
    log.warn(
      `${name} exited unexpectedly (${describeExit(exit)}); restarting it in ${seconds(decision.delayMs)} ` +
        `(restart ${decision.attempt} of at most ${maxRestarts} within ${seconds(windowMs)})`,
    );
    // Shutdown cuts the delay short: nothing is started once it has begun.
    const waited = await sleep(decision.delayMs, true, { signal: this.shutdownStarted.signal }).catch(() => false);
    if (!waited || this.stopping) return;
    let run: Run;
    try {
      // Guarded: a shutdown that begins now waits for the start to finish, then stops what it started.
      run = await this.guard(Promise.resolve().then(kept.restart));
    } catch (error) {
      // Could not even start (e.g. PostgreSQL refused to): counts as another end, under the same cap.
      return this.afterEnd(kept, { code: null, signal: null, error: error as Error }, endedAt);
    }
    log.info(`${name} restarted (pid ${run.pid ?? '?'})`);
    this.keep(kept, run.exited);
    // An end before it was ready needs no word here: keep() reports it (and restarts it).
    void (run.ready ?? Promise.resolve(true)).then(
      (ready) => ready && log.info(`${name} is ready again, ${elapsed(endedAt)} after it stopped`),
      (error: Error) => log.warn(`${name} was restarted but ${error.message}`),
    );
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
