import { performance } from 'node:perf_hooks';
import { elapsed } from './elapsed';
import { chooseClusterLocation } from './cluster-location';
import { provisionDepartmentDatabases } from './databases';
import { startEmbeddedPostgres, type EmbeddedPostgres, type ServerExit } from './embedded-postgres';
import type { LauncherConfig } from './launcher-config';
import type { Log, PrefixedOutput } from './output';
import { postgresOsIds } from './os-user';
import { postgresLogFilter } from './postgres-log-filter';
import { loadOrCreateSecrets } from './secrets';
import { DEPARTMENTS, type DepartmentName } from './services';

/**
 * The databases for one run: the four URLs from the environment, or the embedded cluster in the data
 * directory, started and provisioned (shared by `npm start` and `npm run demo:reset`).
 */
export interface Databases {
  readonly urls: Readonly<Record<DepartmentName, string>>;
  readonly linkageKey: string;
}

/** A run of the server: its postmaster's pid and its end. */
interface ServerRun {
  readonly pid: number;
  readonly exited: Promise<ServerExit>;
}

export interface DatabaseSetupHooks {
  /** Called as soon as the server runs, before anything else can fail: register its stop here (it stops the current run). */
  readonly onStarted: (stop: () => Promise<void>) => void;
  /**
   * Called with the first run: `restart` starts the same cluster again (same port, same roles), once the
   * server of the current run has ended. The databases need no provisioning again: they live in the cluster.
   */
  readonly onRunning: (first: ServerRun, restart: () => Promise<ServerRun>) => void;
}

export async function prepareDatabases(
  config: LauncherConfig,
  output: PrefixedOutput,
  log: Log,
  hooks: DatabaseSetupHooks,
): Promise<Databases> {
  if (config.external) {
    log.info('using the department database URLs from the environment (no embedded PostgreSQL)');
    return config.external;
  }

  const began = performance.now();
  const ids = postgresOsIds(log.info);
  const location = chooseClusterLocation(config.dataDir, ids);
  if (location.relocatedFrom) {
    log.info(`the postgres OS user cannot enter ${location.relocatedFrom}; keeping the cluster in ${location.baseDir} instead`);
  }
  const secrets = loadOrCreateSecrets(
    location.secretsFile,
    DEPARTMENTS.map((department) => department.role),
  );

  const show = postgresLogFilter(config.postgresLog);
  const start = (): Promise<EmbeddedPostgres> =>
    startEmbeddedPostgres({
      dataDir: location.pgDataDir,
      port: config.pgPort,
      password: secrets.superuserPassword,
      binaryCopyDir: location.baseDir,
      log: log.info,
      onLog: (line) => show(line) && output.line('postgres', line, 'stderr'),
    });
  let server = await start();
  hooks.onStarted(async () => {
    await server.stop();
    log.info('PostgreSQL stopped');
  });
  hooks.onRunning(server, async () => {
    server = await start();
    return server;
  });
  log.info(
    `PostgreSQL ready on 127.0.0.1:${server.port} in ${elapsed(began)}${server.initialised ? ' (new cluster)' : ''}; data in ${location.pgDataDir}`,
  );

  const provisioning = performance.now();
  let urls: Record<DepartmentName, string>;
  try {
    urls = await provisionDepartmentDatabases(server.url(), secrets, server);
  } catch (error) {
    const hint = /password authentication failed/.test((error as Error).message)
      ? ` (${location.secretsFile} does not belong to the cluster in ${location.pgDataDir}: restore it, or delete both to start afresh)`
      : '';
    throw new Error(`Provisioning the department databases failed: ${(error as Error).message}${hint}`);
  }
  log.info(`department databases and roles ready in ${elapsed(provisioning)} (secrets in ${location.secretsFile})`);
  return { urls, linkageKey: secrets.linkageKey };
}
