import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { accessibleTo, type OsIds } from './os-user';

/**
 * Where the development cluster and its secrets live. Normally inside the data directory
 * (`.data/pg`, `.data/secrets.json`). Running as root, PostgreSQL runs as the `postgres` OS user, which
 * must be able to enter every parent of its data directory; a checkout under a mode-700 /root forbids
 * that, so the cluster moves to a directory under /var/tmp named after the data directory (a stable name:
 * the next start finds the same cluster). The secrets move with it: they belong to that cluster.
 */
export interface ClusterLocation {
  /** Holds `pg/` (PGDATA), `secrets.json` and, if needed, a copy of the binaries. */
  readonly baseDir: string;
  readonly pgDataDir: string;
  readonly secretsFile: string;
  /** Set when the preferred directory was out of the postgres user's reach. */
  readonly relocatedFrom?: string;
}

export function fallbackBaseFor(dataDir: string, root = '/var/tmp'): string {
  let canonical = resolve(dataDir);
  try {
    canonical = realpathSync(dataDir); // one name per directory, however it was spelled (symlinks, ..)
  } catch {
    // not created yet: its resolved path is the best name there is
  }
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 10);
  return join(root, `labour-dispute-${hash}`);
}

function locationIn(baseDir: string, relocatedFrom?: string): ClusterLocation {
  return { baseDir, pgDataDir: join(baseDir, 'pg'), secretsFile: join(baseDir, 'secrets.json'), relocatedFrom };
}

export interface LocationChoice {
  /** Parent of the fallback directory (default /var/tmp, which survives reboots unlike /tmp on some systems). */
  readonly fallbackRoot?: string;
  /** Whether the PostgreSQL user can enter a directory (replaceable in tests). */
  readonly canEnter?: (ids: OsIds | undefined, dir: string) => boolean;
}

export function chooseClusterLocation(dataDir: string, ids: OsIds | undefined, choice: LocationChoice = {}): ClusterLocation {
  const canEnter = choice.canEnter ?? ((who: OsIds | undefined, dir: string) => accessibleTo(who, dir));
  mkdirSync(dataDir, { recursive: true });
  if (canEnter(ids, dataDir)) return locationIn(dataDir);

  const fallback = fallbackBaseFor(dataDir, choice.fallbackRoot);
  // Readable by all so the postgres user can pass through; the secrets file inside stays mode 600.
  mkdirSync(fallback, { recursive: true });
  chmodSync(fallback, 0o755); // explicitly: mkdir's mode is cut by the umask
  if (!canEnter(ids, fallback)) {
    throw new Error(`The postgres OS user can reach neither ${dataDir} nor ${fallback}: set DATA_DIR to a directory it can enter.`);
  }
  return locationIn(fallback, dataDir);
}
