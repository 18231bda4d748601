import { execFileSync, spawnSync } from 'node:child_process';

/**
 * PostgreSQL refuses to run as root. When the launcher runs as root (containers, CI machines), initdb
 * and postgres run as the `postgres` OS user instead, created on first use if the machine has none.
 */

export interface OsIds {
  readonly uid: number;
  readonly gid: number;
}

const POSTGRES_OS_USER = 'postgres';

/** How many times `accessibleTo` runs its check before it answers no. */
const ACCESS_CHECK_ATTEMPTS = 3;

function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function lookupIds(name: string): OsIds | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ids to run PostgreSQL with: undefined when not root (PostgreSQL then runs as the current user),
 * else the `postgres` user's, creating that user (and its group) when it does not exist.
 */
export function postgresOsIds(log: (message: string) => void): OsIds | undefined {
  if (!runningAsRoot()) return undefined;
  const existing = lookupIds(POSTGRES_OS_USER);
  if (existing) return existing;

  log(`creating the OS user "${POSTGRES_OS_USER}" to run PostgreSQL (PostgreSQL refuses to run as root)`);
  const groupExists = spawnSync('getent', ['group', POSTGRES_OS_USER]).status === 0;
  const args = groupExists
    ? ['--system', '--gid', POSTGRES_OS_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_OS_USER]
    : ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_OS_USER];
  const result = spawnSync('useradd', args, { encoding: 'utf8' });
  const created = lookupIds(POSTGRES_OS_USER);
  if (!created) {
    throw new Error(
      `Running as root, PostgreSQL needs an OS user "${POSTGRES_OS_USER}" and creating it failed` +
        ` (useradd ${args.join(' ')}: ${result.error?.message ?? result.stderr.trim()}). Create that user, or run as a normal user.`,
    );
  }
  return created;
}

/**
 * Whether `ids` can reach `path` (search permission on every directory up to it, plus `test` flag:
 * `-d` a directory to enter, `-x` a program to run). Checked by running `test` as that user, so groups,
 * ACLs and mount options count exactly as they will for PostgreSQL itself.
 */
export function accessibleTo(ids: OsIds | undefined, path: string, check: '-d' | '-x' = '-d'): boolean {
  if (!ids) return true;
  // A "no" is asked again before it is believed: a child started as another user now and then exits 1 before
  // `test` runs (seen under a preloaded clock library, e.g. faketime), and a wrong "no" stops PostgreSQL from starting.
  for (let attempt = 0; attempt < ACCESS_CHECK_ATTEMPTS; attempt++) {
    const result = spawnSync('/bin/sh', ['-c', 'test "$1" "$2"', 'sh', check, path], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' });
    if (result.status === 0) return true;
  }
  return false;
}
