import { randomBytes } from 'node:crypto';
import { postgresUrl, withClient, withDatabase } from '../../scripts/lib/sql';

/**
 * A database of its own for one test file, in the run's shared cluster (see global-setup.ts), owned by a
 * LOGIN role of its own with CONNECT revoked from PUBLIC: the same shape as a department database, so a
 * test sees the privileges production code will have (no superuser shortcuts).
 */

export interface TestDatabase {
  /** postgres://<role>:<password>@127.0.0.1:<port>/<database>, as a service's DATABASE_URL. */
  readonly url: string;
  /** The database's name, which is also its owner role's name. */
  readonly name: string;
  /** Drops the database (closing its connections) and its role. */
  drop(): Promise<void>;
}

/** The superuser's URL to the `postgres` database of the run's cluster. */
export function testServerUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('TEST_PG_URL is not set: run the tests through Jest (its globalSetup starts PostgreSQL).');
  return url;
}

function uniqueName(name: string): string {
  // Lower-case identifiers need no quoting in psql; 63 bytes is PostgreSQL's limit.
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'db';
  return `t_${base}_${randomBytes(5).toString('hex')}`;
}

export async function createTestDatabase(name = 'test'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const database = uniqueName(name);
  const password = randomBytes(16).toString('hex');
  await withClient(serverUrl, async (client) => {
    const ident = client.escapeIdentifier(database);
    await client.query(`CREATE ROLE ${ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`);
    await client.query(`CREATE DATABASE ${ident} OWNER ${ident} ENCODING 'UTF8' TEMPLATE template0`);
    await client.query(`REVOKE ALL ON DATABASE ${ident} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident} TO ${ident}`);
  });
  const server = new URL(serverUrl);
  let dropped = false;
  return {
    url: postgresUrl({ user: database, password, host: server.hostname, port: Number(server.port), database }),
    name: database,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withClient(serverUrl, async (client) => {
        const ident = client.escapeIdentifier(database);
        await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${ident}`);
      });
    },
  };
}

/** The superuser's URL to a test database (to inspect what a test did, bypassing its role's privileges). */
export function superuserUrlFor(database: TestDatabase): string {
  return withDatabase(testServerUrl(), new URL(database.url).pathname.slice(1));
}
