import type { Client } from 'pg';
import type { Secrets } from './secrets';
import { DEPARTMENTS, type DepartmentService, type DepartmentName } from './services';
import { postgresUrl, withClient } from './sql';

/**
 * One database per department in the development cluster, each owned by the department's own LOGIN role.
 * CONNECT is revoked from PUBLIC and granted to the owner alone, so a department's role cannot even open
 * another department's database: the same separation as four departments on four servers.
 * Every step is idempotent: run on every start, it creates what is missing and re-asserts the rest
 * (passwords follow secrets.json, privileges are re-applied).
 */

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

function quoteIdent(client: Client, name: string): string {
  return client.escapeIdentifier(name);
}

async function ensureRole(client: Client, role: string, password: string): Promise<void> {
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
  // CREATE/ALTER ROLE take no bind parameters; the password is a literal escaped by the driver.
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${client.escapeLiteral(password)}`;
  await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${quoteIdent(client, role)} ${attributes}`);
}

async function ensureDatabase(client: Client, database: string, owner: string): Promise<void> {
  const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  const db = quoteIdent(client, database);
  const role = quoteIdent(client, owner);
  if (!exists) await client.query(`CREATE DATABASE ${db} OWNER ${role} ENCODING 'UTF8' TEMPLATE template0`);
  else await client.query(`ALTER DATABASE ${db} OWNER TO ${role}`);
  await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${role}`);
}

function rolePassword(secrets: Secrets, role: string): string {
  const password = secrets.rolePasswords[role];
  if (!password) throw new Error(`The secrets hold no password for role ${role}.`);
  return password;
}

export function departmentUrl(department: DepartmentService, secrets: Secrets, server: ServerAddress): string {
  const password = rolePassword(secrets, department.role);
  return postgresUrl({ user: department.role, password, host: server.host, port: server.port, database: department.database });
}

/**
 * Creates or re-asserts the department databases and roles; returns each department's DATABASE_URL.
 * `departments` defaults to the four real ones (tests pass renamed copies to share a cluster safely).
 */
export async function provisionDepartmentDatabases(
  superuserUrl: string,
  secrets: Secrets,
  server: ServerAddress,
  departments: readonly DepartmentService[] = DEPARTMENTS,
): Promise<Record<DepartmentName, string>> {
  await withClient(superuserUrl, async (client) => {
    for (const department of departments) {
      await ensureRole(client, department.role, rolePassword(secrets, department.role));
      await ensureDatabase(client, department.database, department.role);
    }
  });
  const urls = {} as Record<DepartmentName, string>;
  for (const department of departments) urls[department.name] = departmentUrl(department, secrets, server);
  return urls;
}
