import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@labour/testing/temp-dir';
import { acquireLauncherLock } from './launcher-lock';

const temp = makeTempDir('launcher-lock');
afterAll(() => temp.remove());

function lockFile(dir: string): string {
  return join(dir, 'launcher.pid');
}

describe('acquireLauncherLock', () => {
  it('writes our pid, and release removes the file', () => {
    const dir = join(temp.path, 'own');
    const lock = acquireLauncherLock(dir, 'npm start');
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid, command: 'npm start' });
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('refuses while another live launcher holds the lock, naming it', async () => {
    const dir = join(temp.path, 'held');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      acquireLauncherLock(dir, 'npm start').release();
      writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, command: 'npm start', startedAt: '2026-11-21T08:00:00.000Z' }));
      expect(() => acquireLauncherLock(dir, 'npm run demo:reset')).toThrow(
        `Another npm start (pid ${other.pid}, since 2026-11-21T08:00:00.000Z) is running for ${dir}`,
      );
    } finally {
      other.kill();
      await once(other, 'exit');
    }
  });

  it('takes over the lock of a launcher that is gone, and says so', () => {
    const dir = join(temp.path, 'stale');
    const dead = spawnSync('true').pid;
    acquireLauncherLock(dir, 'npm start').release();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: dead, command: 'npm start', startedAt: 'then' }));
    const messages: string[] = [];
    const lock = acquireLauncherLock(dir, 'npm start', (message) => messages.push(message));
    expect(messages).toEqual([`taking over ${lockFile(dir)} from a launcher that is gone (pid ${dead})`]);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not delete a lock another launcher has taken over since', () => {
    const dir = join(temp.path, 'taken-over');
    const lock = acquireLauncherLock(dir, 'npm start');
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, command: 'npm start', startedAt: 'later' }));
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(true);
  });
});
