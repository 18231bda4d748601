import { randomUUID } from 'node:crypto';
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';

/**
 * Inserts many new records in chunks of multi-row INSERTs, bypassing the unit of work (demo data,
 * imports). Fills what `BaseRecord` fills for entities created one by one. Returns the rows with ids.
 */
export async function bulkInsert<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Array<Record<string, unknown>>,
  chunkSize = 1000,
): Promise<Array<Record<string, unknown> & { id: string }>> {
  const now = new Date();
  const complete = rows.map((row) => ({ id: randomUUID(), version: 1, createdAt: now, updatedAt: now, ...row }));
  for (let start = 0; start < complete.length; start += chunkSize) {
    await em.insertMany(entity, complete.slice(start, start + chunkSize) as never);
  }
  return complete;
}
