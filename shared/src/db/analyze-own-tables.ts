import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Planner statistics for the rows just written (after the demo data is loaded): without them PostgreSQL
 * plans the first minutes of queries for near-empty tables (nested loops over thousands of rows) until
 * autovacuum comes round. Only the tables the service's role owns: a bare `analyze` also visits the
 * cluster's shared catalogues, which a department's role may not analyze, and PostgreSQL logs a warning for
 * each of them at every load.
 */
export async function analyzeOwnTables(em: EntityManager): Promise<string[]> {
  const owned = await em.execute<Array<{ name: string }>>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where tableowner = current_user order by 1`,
  );
  const tables = owned.map((row) => row.name);
  if (tables.length > 0) await em.execute(`analyze ${tables.join(', ')}`);
  return tables;
}
