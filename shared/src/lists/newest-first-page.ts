import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { BadUserInputError } from '../errors';
import { decodeCursor, toConnection, type Connection } from '../pagination/connection';

/** The order of a list: newest first by a date column that is never empty, ties by the record's unique key. */
export interface NewestFirst<T> {
  date: keyof T & string;
  key: keyof T & string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function positionOf(cursor: string): [string, string] {
  const decoded = decodeCursor(cursor);
  let position: unknown;
  try {
    position = JSON.parse(decoded);
  } catch {
    position = undefined;
  }
  if (!Array.isArray(position) || position.length !== 2 || typeof position[1] !== 'string' || !DATE.test(String(position[0]))) {
    throw new BadUserInputError({ field: 'after', rule: 'is not a cursor this list gave out' });
  }
  return [position[0] as string, position[1]];
}

/**
 * A page of the records of `entity` that `where` matches, newest first by `order.date`, records of the same
 * day in ascending order of `order.key`: a stable order (a record's place does not depend on the page size,
 * and a record written since the last page shows on no page twice). `after` is the cursor of the previous
 * page's last record; the page holds `first` at most, and `totalCount` how many match in all. Two
 * statements: the page (`first + 1` rows: the extra one only says that more follow) and the count. Keep an
 * index on `(date desc, key)` so that a page reads no more rows than it returns.
 */
export async function newestFirstPage<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  order: NewestFirst<T>,
  first: number,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const { date, key } = order;
  let page = where as object;
  if (after) {
    const [day, last] = positionOf(after);
    // The mixed order (date descending, key ascending) has no row comparison, so the position is an OR; the
    // redundant `date <= day` beside it is what PostgreSQL starts the index scan at. Without it a later page
    // reads every row before the cursor (148,000 rows into 200,000: 170 ms for a page of 21 instead of 0.3 ms).
    const afterCursor = { [date]: { $lte: day }, $or: [{ [date]: { $lt: day } }, { [date]: day, [key]: { $gt: last } }] };
    page = { $and: [where, afterCursor] };
  }
  // MikroORM's own filter types of a generic entity do not line up with FilterQuery<T>: cast once here.
  const [rows, total] = await Promise.all([
    em.find<T>(entity, page as FilterQuery<NoInfer<T>>, { orderBy: { [date]: 'desc', [key]: 'asc' } as never, limit: first + 1 }),
    em.count<T>(entity, where as FilterQuery<NoInfer<T>>),
  ]);
  return toConnection(rows as T[], first, total, (row) => JSON.stringify([String(row[date]), String(row[key])]));
}
