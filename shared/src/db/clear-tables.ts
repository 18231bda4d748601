import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Empties every table of the service's entities except those in `keep`, in one TRUNCATE (the demo
 * reset). MikroORM's `orm.schema.clear()` truncates every table, and the access log refuses TRUNCATE:
 * reloading the demo data never erases the record of who read what.
 */
export async function clearTablesExcept(orm: MikroORM, keep: readonly string[]): Promise<void> {
  const tables = [...orm.getMetadata().getAll().values()]
    .filter((meta) => !meta.abstract && !meta.embeddable && !meta.virtual && !meta.view && meta.root.class === meta.class)
    .map((meta) => meta.tableName)
    .filter((table) => !keep.includes(table));
  if (tables.length === 0) return;
  await orm.em.getConnection().execute(`truncate table ${tables.map((table) => `"${table}"`).join(', ')} restart identity cascade`);
}
