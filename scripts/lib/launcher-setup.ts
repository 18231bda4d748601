import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILD_DIR, ensureBuilt } from './build';
import { elapsed } from './elapsed';
import { prepareDatabases, type Databases } from './database-setup';
import { acquireLauncherLock } from './launcher-lock';
import { ConfigError, readLauncherConfig, type LauncherConfig } from './launcher-config';
import { Supervisor } from './supervisor';
import { launcherLog, PrefixedOutput, type Log } from './output';
import { prepareServiceAuth, type ServiceAuthEnv } from './service-auth';
import { baseServiceEnv, DEPARTMENTS, GATEWAY, type DepartmentService } from './services';

/**
 * The start-up both commands share: configuration, output, signal handling, the lock on the data
 * directory, and the databases. Everything that must be undone is registered with the supervisor, so
 * any failure or Ctrl-C after this point ends in one orderly shutdown.
 */

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface Launch {
  readonly config: LauncherConfig;
  readonly output: PrefixedOutput;
  readonly log: Log;
  readonly supervisor: Supervisor;
}

/** Output, config and supervisor; exits with a message when the configuration is wrong. */
export function beginLaunch(signalExitCode: number): Launch {
  const output = new PrefixedOutput([...DEPARTMENTS.map((department) => department.name), GATEWAY.name, 'postgres']);
  const log = launcherLog(output);
  let config: LauncherConfig;
  try {
    config = readLauncherConfig(process.env, REPO_ROOT);
  } catch (error) {
    log.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  const supervisor = new Supervisor({ output, log });
  supervisor.handleSignals(signalExitCode);
  return { config, output, log, supervisor };
}

/**
 * One launcher per data directory (see launcher-lock.ts). Taken before any port is checked: the usual
 * holder of our ports is our own earlier run, and that deserves the clearer message.
 */
function takeLock(launch: Launch, command: string): void {
  const lock = acquireLauncherLock(launch.config.dataDir, command, launch.log.info);
  launch.supervisor.onShutdown(() => lock.release());
}

/** Starts (or connects to) the databases; PostgreSQL's stop is registered the moment it runs, and it is kept running. */
export function startDatabases(launch: Launch): Promise<Databases> {
  const { config, output, log, supervisor } = launch;
  return supervisor.guard(
    prepareDatabases(config, output, log, {
      onStarted: (stop) => supervisor.onShutdown(stop),
      // Restarted like a service when it dies; the services reconnect on their own (their pools open new connections).
      onRunning: (first, restart) => supervisor.watch('postgres', first.exited, restart),
    }),
  );
}

/**
 * The compiled build the services run from (SERVICE_RUNTIME=dist, the default): made when dist/ is
 * missing or older than the sources, in a few seconds; a build that fails names the file and fails the launch.
 */
export async function buildServices({ config, log }: Launch): Promise<void> {
  if (config.serviceRuntime !== 'dist') {
    log.info('services run from their TypeScript through @swc-node/register (SERVICE_RUNTIME=ts)');
    return;
  }
  const began = performance.now();
  const result = await ensureBuilt(REPO_ROOT);
  if (result.built) log.info(`compiled ${result.compiled} files into ${BUILD_DIR}/ in ${elapsed(began)}`);
}

/** Fails early, naming the file, when a service's entry point does not exist (yet). */
function assertEntryPoints(entries: readonly string[]): void {
  const missing = entries.filter((entry) => !existsSync(join(REPO_ROOT, entry)));
  if (missing.length > 0) throw new Error(`Missing service entry point(s): ${missing.join(', ')}`);
}

/**
 * Everything before the services start: their entry points exist, the data directory is this launcher's,
 * `checks` pass (run after the lock), PostgreSQL runs (the build, when dist/ is missing or stale, compiles
 * while it starts), and the services' keys are ready.
 */
export async function prepareLaunch(
  launch: Launch,
  command: string,
  entries: readonly string[],
  checks: () => Promise<void> = async () => undefined,
): Promise<{ databases: Databases; auth: ServiceAuthEnv }> {
  assertEntryPoints(entries);
  takeLock(launch, command);
  await checks();
  const [databases] = await Promise.all([startDatabases(launch), buildServices(launch)]);
  const auth = await prepareServiceAuth(launch.config, launch.log);
  return { databases, auth };
}

/** A department subgraph's environment: its keys, its port, its database, and the demo data (`DEMO_DATA` as given). */
export function subgraphEnv(
  { config }: Launch,
  databases: Databases,
  auth: ServiceAuthEnv,
  department: DepartmentService,
  demoData: string,
): NodeJS.ProcessEnv {
  return {
    ...baseServiceEnv(process.env),
    ...auth.verifiers,
    ...auth.subgraph(department.name),
    PORT: String(config.departmentPorts[department.name]),
    DATABASE_URL: databases.urls[department.name],
    LINKAGE_KEY: databases.linkageKey,
    DEMO_DATA: demoData,
    DEMO_SCALE: config.demoScale,
    DEMO_AS_OF: config.demoAsOf,
  };
}

/** The end of a failed start: report, unless a shutdown (Ctrl-C, a crashed service) is already under way. */
export async function failLaunch(launch: Launch, error: unknown): Promise<void> {
  if (launch.supervisor.stopping) return;
  launch.log.error(error instanceof Error ? error.message : String(error));
  await launch.supervisor.shutdown(1);
}
