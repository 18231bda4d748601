import { Client, type QueryResult, type QueryResultRow } from 'pg';

/** One short-lived connection: open, use, always close (provisioning is a handful of statements). */
export async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function runSql<R extends QueryResultRow = QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<QueryResult<R>> {
  return withClient(url, (client) => client.query<R>(sql, params));
}

/** postgres://user:password@host:port/database, with the parts URL-encoded. */
export function postgresUrl(parts: { user: string; password: string; host: string; port: number; database: string }): string {
  const auth = `${encodeURIComponent(parts.user)}:${encodeURIComponent(parts.password)}`;
  return `postgres://${auth}@${parts.host}:${parts.port}/${encodeURIComponent(parts.database)}`;
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
