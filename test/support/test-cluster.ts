import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/lib/embedded-postgres';
import { accessibleTo, postgresOsIds } from '../../scripts/lib/os-user';
import { findFreePort } from '../../scripts/lib/ports';
import { isAlive, recoverStalePostmaster } from '../../scripts/lib/postmaster-pid';

/**
 * The one PostgreSQL cluster a test run shares: a fresh directory, a free port, durability switched off
 * (a test cluster is thrown away; fsync off makes migrations several times faster).
 */

const PREFIX = 'labour-test-pg-';

export interface TestCluster {
  readonly server: EmbeddedPostgres;
  readonly dir: string;
}

/** Under the OS temp directory, unless (running as root) the postgres OS user cannot enter it. */
function baseDir(): string {
  const ids = postgresOsIds(() => undefined);
  return accessibleTo(ids, tmpdir()) ? tmpdir() : '/var/tmp';
}

/**
 * Removes the clusters of earlier runs that were killed before their teardown (Ctrl-C on Jest, SIGKILL):
 * each directory names its owner's pid; when that process is gone, its server is stopped and the directory deleted.
 */
export async function sweepAbandonedClusters(base = baseDir()): Promise<void> {
  for (const entry of readdirSync(base)) {
    if (!entry.startsWith(PREFIX)) continue;
    const dir = join(base, entry);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : Number.NaN;
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    await recoverStalePostmaster(join(dir, 'pg'), () => undefined).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startTestCluster(): Promise<TestCluster> {
  const base = baseDir();
  await sweepAbandonedClusters(base);
  const dir = mkdtempSync(join(base, PREFIX));
  chmodSync(dir, 0o755); // mkdtemp makes it 700; the postgres OS user (running as root) must enter it
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));

  const output: string[] = [];
  try {
    const server = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      port: await findFreePort(),
      password: randomBytes(16).toString('hex'),
      binaryCopyDir: dir,
      ownProcessGroup: false,
      onLog: (line) => output.push(line),
      settings: {
        fsync: 'off',
        synchronous_commit: 'off',
        full_page_writes: 'off',
        // Parallel Jest workers, each with subgraphs holding connection pools.
        max_connections: '300',
      },
    });
    return { server, dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start the test PostgreSQL: ${(error as Error).message}\n${output.slice(-20).join('\n')}`);
  }
}

export async function stopTestCluster(cluster: TestCluster): Promise<void> {
  try {
    await cluster.server.stop();
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true });
  }
}
