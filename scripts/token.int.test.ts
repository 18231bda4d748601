import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTokenVerifier, Department, readJwksFile, Role } from '@labour/shared/auth';
import { makeTempDir } from '../test/support/temp-dir';
import { devKeyFiles, ensureDevSigningKey } from './lib/dev-signing-key';

/** `npm run token` as a process, against a data directory of its own (DATA_DIR). */

const REPO_ROOT = resolve(__dirname, '..');
const temp = makeTempDir('token');
afterAll(() => temp.remove());

async function token(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/token.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: temp.path, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run token', () => {
  it('says to run npm start first when the data directory has no key', async () => {
    const { code, stdout, stderr } = await token(['--department', 'UNION', '--role', 'COORDINATOR']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`No development signing key at ${join(temp.path, 'auth', 'signing-key.json')}: run \`npm start\` once`);
  }, 60_000);

  it('prints only a token that the services verify, naming the principal asked for', async () => {
    const { created, files } = await ensureDevSigningKey(temp.path);
    expect(created).toBe(true);
    expect(statSync(files.privateKey).mode & 0o777).toBe(0o600);
    expect((await ensureDevSigningKey(temp.path)).created).toBe(false); // made once, then kept

    const { code, stdout } = await token(['--department', 'COURT', '--role', 'CASEWORKER', '--role', 'ADMIN', '--name', '王法官', '--ttl', '1h']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const verify = createTokenVerifier({ jwks: readJwksFile(devKeyFiles(temp.path).jwks), audience: 'labour-dispute-federation' });
    expect(await verify(stdout.trim())).toEqual({ subject: 'dev:court:caseworker+admin', name: '王法官', department: Department.COURT, roles: [Role.CASEWORKER, Role.ADMIN] });
  }, 60_000);

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    const { code, stdout, stderr } = await token(['--department', 'UNION', '--role', 'BOSS']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--role BOSS: not a role');
    expect(stderr).toContain('Usage:');
  }, 60_000);
});
