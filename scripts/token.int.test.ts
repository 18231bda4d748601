import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTokenVerifier, Department, generateSigningKey, readJwksFile, Role } from '@labour/shared/auth';
import { decodeJwt, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { makeTempDir } from '@labour/testing/temp-dir';
import { devKeyFiles, ensureDevKeys } from './lib/dev-signing-key';

/** `npm run token` as a process, against a data directory of its own (DATA_DIR), and the keys `npm start` makes for it. */

const REPO_ROOT = resolve(__dirname, '..');
const temp = makeTempDir('token');
afterAll(() => temp.remove());

async function token(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  dataDir = temp.path,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/token.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, MAX_TOKEN_LIFETIME: '', AUTH_ISSUER: '', DATA_DIR: dataDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const SUBGRAPHS = ['hr-bureau', 'union', 'court', 'justice'] as const;

describe('npm run token', () => {
  it('says to run npm start first when the data directory has no key', async () => {
    const { code, stdout, stderr } = await token(['--department', 'UNION', '--role', 'COORDINATOR']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `No development signing key for UNION at ${join(temp.path, 'auth', 'union-idp-key.json')}: run \`npm start\` once`,
    );
  }, 60_000);

  it('prints only a token that the services verify, signed with the key of the department asked for', async () => {
    const { created, files } = await ensureDevKeys(temp.path);
    expect(created).toHaveLength(8);
    expect((await ensureDevKeys(temp.path)).created).toEqual([]); // made once, then kept

    const { code, stdout } = await token([
      '--department',
      'COURT',
      '--role',
      'CASEWORKER',
      '--role',
      'ADMIN',
      '--name',
      '王法官',
      '--ttl',
      '1h',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const jwks = readJwksFile(files.jwks);
    const verify = createTokenVerifier({ jwks, audience: 'labour-dispute-federation' });
    expect(await verify(stdout.trim())).toEqual({
      subject: 'dev:court:caseworker+admin',
      name: '王法官',
      department: Department.COURT,
      roles: [Role.CASEWORKER, Role.ADMIN],
    });
    expect(decodeProtectedHeader(stdout.trim()).kid).toBe(readJson(files.idp[Department.COURT]).kid);
    expect(decodeJwt(stdout.trim())).not.toHaveProperty('iss');
  }, 60_000);

  it('carries AUTH_ISSUER as iss, and keeps to MAX_TOKEN_LIFETIME (12h unless set)', async () => {
    const withIssuer = await token(['--department', 'UNION', '--role', 'COORDINATOR'], { AUTH_ISSUER: 'https://idp.example' });
    expect(decodeJwt(withIssuer.stdout.trim())).toMatchObject({ iss: 'https://idp.example' });
    const long = await token(['--department', 'UNION', '--role', 'COORDINATOR', '--ttl', '13h']);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('--ttl 13h: not a duration from 1m to 12h, the longest the services accept (MAX_TOKEN_LIFETIME)');
    const shorter = await token(['--department', 'UNION', '--role', 'COORDINATOR'], { MAX_TOKEN_LIFETIME: '2h' });
    const claims = decodeJwt(shorter.stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(7200); // the 8h default, cut to what the services accept
  }, 60_000);

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    const { code, stdout, stderr } = await token(['--department', 'UNION', '--role', 'BOSS']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--role BOSS: not a role');
    expect(stderr).toContain('Usage:');
  }, 60_000);
});

describe('the development keys npm start makes', () => {
  it('binds each to one department: an identity-provider key per department, a service key per subgraph, all private files 600', async () => {
    const dataDir = join(temp.path, 'fresh');
    const { files } = await ensureDevKeys(dataDir);
    const jwks = readJwksFile(files.jwks);
    const bindingOf = (file: string) => {
      const { kid, d } = readJson(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(d).toEqual(expect.any(String));
      const { department, roles, iss } = jwks.keys.find((key) => key.kid === kid) as Record<string, unknown>;
      return { kid, department, roles, iss };
    };
    const services = SUBGRAPHS.map((name) => bindingOf(files.service[name]));
    expect(services.map(({ kid: _kid, ...binding }) => binding)).toEqual([
      { department: 'HR_BUREAU', roles: ['SERVICE'], iss: 'labour-federation:service:hr-bureau' },
      { department: 'UNION', roles: ['SERVICE'], iss: 'labour-federation:service:union' },
      { department: 'COURT', roles: ['SERVICE'], iss: 'labour-federation:service:court' },
      { department: 'JUSTICE', roles: ['SERVICE'], iss: 'labour-federation:service:justice' },
    ]);
    const idps = Object.values(Department).map((department) => bindingOf(files.idp[department]));
    expect(idps.map(({ kid: _kid, ...binding }) => binding)).toEqual(
      Object.values(Department).map((department) => ({ department, roles: undefined, iss: undefined })),
    );
    // Eight different keys, all of them in the public set, none of it private.
    expect(new Set([...services, ...idps].map((key) => key.kid)).size).toBe(8);
    expect(jwks.keys).toHaveLength(8);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it('upgrades a data directory of the single-key version: makes the bound keys, trusts the old key no more, says so', async () => {
    const dataDir = join(temp.path, 'upgraded');
    const files = devKeyFiles(dataDir);
    mkdirSync(files.dir, { recursive: true });
    const old = await generateSigningKey();
    writeFileSync(files.legacy, JSON.stringify(old.privateJwk), { mode: 0o600 });
    writeFileSync(files.jwks, JSON.stringify(old.jwks));

    const upgraded = await ensureDevKeys(dataDir);
    expect(upgraded.created).toHaveLength(8);
    expect(upgraded.legacyKeyFound).toBe(true);
    const jwks = readJson(files.jwks) as unknown as JSONWebKeySet;
    expect(jwks.keys.map((key) => key.kid)).not.toContain(old.privateJwk.kid);
    expect(jwks.keys).toHaveLength(8);

    // A key lost since is made again; the others are kept.
    const courtService = readJson(files.service.court).kid;
    const unionIdp = readJson(files.idp[Department.UNION]).kid;
    rmSync(files.service.court);
    expect((await ensureDevKeys(dataDir)).created).toEqual([files.service.court]);
    expect(readJson(files.service.court).kid).not.toBe(courtService);
    expect(readJson(files.idp[Department.UNION]).kid).toBe(unionIdp);
    expect((readJson(files.jwks) as unknown as JSONWebKeySet).keys.map((key) => key.kid)).toContain(readJson(files.service.court).kid);
  });
});
