import { randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testServerUrl } from '@labour/testing/databases';
import { makeTempDir } from '@labour/testing/temp-dir';
import { provisionDepartmentDatabases } from './databases';
import { loadOrCreateSecrets } from './secrets';
import { DEPARTMENTS, type DepartmentService, type DepartmentName } from './services';
import { runSql, withClient } from './sql';

// The four departments under names of their own, so this file can share the run's cluster with others.
const suffix = randomBytes(3).toString('hex');
const departments: DepartmentService[] = DEPARTMENTS.map((department) => ({
  ...department,
  database: `${department.database}_${suffix}`,
  role: `${department.role}_${suffix}`,
}));
const roles = departments.map((department) => department.role);

const temp = makeTempDir('provisioning');
const secretsFile = join(temp.path, 'secrets.json');
const superuserUrl = testServerUrl();
const server = { host: new URL(superuserUrl).hostname, port: Number(new URL(superuserUrl).port) };

async function provision(): Promise<Record<DepartmentName, string>> {
  return provisionDepartmentDatabases(superuserUrl, loadOrCreateSecrets(secretsFile, roles), server, departments);
}

function otherDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

afterAll(async () => {
  await withClient(superuserUrl, async (client) => {
    for (const department of departments) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(department.database)} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(department.role)}`);
    }
  });
  temp.remove();
});

describe('department database provisioning', () => {
  let urls: Record<DepartmentName, string>;

  beforeAll(async () => {
    urls = await provision();
  });

  it('is idempotent: a second run changes nothing and returns the same URLs', async () => {
    const secretsBefore = loadOrCreateSecrets(secretsFile, roles);
    expect(await provision()).toEqual(urls);
    expect(loadOrCreateSecrets(secretsFile, roles)).toEqual(secretsBefore);

    const names = departments.map((department) => department.database);
    const { rows } = await runSql<{ datname: string; owner: string }>(
      superuserUrl,
      'SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = ANY($1) ORDER BY datname',
      [names],
    );
    expect(rows).toHaveLength(4);
    for (const department of departments) expect(rows).toContainEqual({ datname: department.database, owner: department.role });
    const roleRows = await runSql(superuserUrl, 'SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND rolcanlogin AND NOT rolsuper', [
      roles,
    ]);
    expect(roleRows.rowCount).toBe(4);
  });

  it("lets each department's role into its own database", async () => {
    for (const department of departments) {
      const { rows } = await runSql(urls[department.name], 'SELECT current_user AS "user", current_database() AS database');
      expect(rows[0]).toEqual({ user: department.role, database: department.database });
      await runSql(urls[department.name], 'CREATE TABLE IF NOT EXISTS probe (id int)'); // it owns the public schema's use
    }
  });

  it("refuses a department's role entry to any other department's database", async () => {
    for (const from of departments) {
      for (const to of departments.filter((department) => department !== from)) {
        await expect(runSql(otherDatabase(urls[from.name], to.database), 'SELECT 1')).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied for database/),
        });
      }
    }
  });

  it('gives the roles no power beyond their database', async () => {
    await expect(runSql(urls.court, 'CREATE DATABASE sneaky')).rejects.toMatchObject({ code: '42501' });
    await expect(runSql(urls.court, `CREATE ROLE sneaky_${suffix}`)).rejects.toMatchObject({ code: '42501' });
  });

  it('repairs drifted privileges and passwords when run again', async () => {
    const union = departments.find((department) => department.name === 'union') as DepartmentService;
    await withClient(superuserUrl, async (client) => {
      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(union.database)} TO PUBLIC`);
      await client.query(`ALTER ROLE ${client.escapeIdentifier(union.role)} PASSWORD 'changed-by-hand'`);
    });
    await expect(runSql(otherDatabase(urls.court, union.database), 'SELECT 1')).resolves.toBeDefined();

    await provision();
    await expect(runSql(otherDatabase(urls.court, union.database), 'SELECT 1')).rejects.toMatchObject({ code: '42501' });
    await expect(runSql(urls.union, 'SELECT 1')).resolves.toBeDefined();
  });
});

describe('secrets file', () => {
  it('is readable by its owner only and holds a 32-byte linkage key', () => {
    const secrets = loadOrCreateSecrets(secretsFile, roles);
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    expect(secrets.linkageKey).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(secrets.rolePasswords)).size).toBe(roles.length);
  });

  it('adds a password for a new role without touching the existing secrets', () => {
    const before = loadOrCreateSecrets(secretsFile, roles);
    const after = loadOrCreateSecrets(secretsFile, [...roles, 'archive_svc']);
    expect(after.linkageKey).toBe(before.linkageKey);
    expect(after.superuserPassword).toBe(before.superuserPassword);
    expect(after.rolePasswords).toMatchObject(before.rolePasswords);
    expect(after.rolePasswords.archive_svc).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses a corrupted file with a message naming it', () => {
    const broken = join(temp.path, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadOrCreateSecrets(broken, roles)).toThrow(`${broken} is not valid JSON`);
  });
});
