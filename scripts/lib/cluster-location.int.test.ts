import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@labour/testing/temp-dir';
import { chooseClusterLocation, fallbackBaseFor } from './cluster-location';
import type { OsIds } from './os-user';

const temp = makeTempDir('cluster-location');
afterAll(() => temp.remove());

const POSTGRES: OsIds = { uid: 999, gid: 999 };

describe('chooseClusterLocation', () => {
  it('keeps the cluster and its secrets in the data directory when the postgres user can enter it', () => {
    const dataDir = join(temp.path, 'reachable', '.data');
    expect(chooseClusterLocation(dataDir, POSTGRES, { canEnter: () => true })).toEqual({
      baseDir: dataDir,
      pgDataDir: join(dataDir, 'pg'),
      secretsFile: join(dataDir, 'secrets.json'),
      relocatedFrom: undefined,
    });
  });

  it('moves them to a stable, traversable directory named after the data directory when it cannot', () => {
    const dataDir = join(temp.path, 'private', 'repo', '.data');
    const fallbackRoot = join(temp.path, 'var-tmp');
    mkdirSync(fallbackRoot);
    const canEnter = (_ids: OsIds | undefined, dir: string): boolean => !dir.includes('/private/');

    const location = chooseClusterLocation(dataDir, POSTGRES, { fallbackRoot, canEnter });
    expect(location.relocatedFrom).toBe(dataDir);
    expect(location.baseDir).toMatch(new RegExp(`^${fallbackRoot}/labour-dispute-[0-9a-f]{10}$`));
    expect(location.pgDataDir).toBe(join(location.baseDir, 'pg'));
    expect(statSync(location.baseDir).mode & 0o777).toBe(0o755);
    // The same data directory always maps to the same place: the next start finds its cluster again.
    expect(chooseClusterLocation(dataDir, POSTGRES, { fallbackRoot, canEnter }).baseDir).toBe(location.baseDir);
    expect(fallbackBaseFor(join(temp.path, 'other'), fallbackRoot)).not.toBe(location.baseDir);
  });

  it('says what to do when even the fallback is out of reach', () => {
    const dataDir = join(temp.path, 'nowhere', '.data');
    const fallbackRoot = join(temp.path, 'closed');
    mkdirSync(fallbackRoot);
    chmodSync(fallbackRoot, 0o700);
    expect(() => chooseClusterLocation(dataDir, POSTGRES, { fallbackRoot, canEnter: () => false })).toThrow(
      /set DATA_DIR to a directory it can enter/,
    );
  });
});
