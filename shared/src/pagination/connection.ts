import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Directive } from 'type-graphql';
import { Public } from '../permissions/data-class';
import { BadUserInputError } from '../errors';
import { PAGE_BOUND, sizeWithin } from './list-bound';

@ObjectType({ description: 'Where a page of a list ends and whether more follows (cursor pagination).' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last item; pass it as `after` for the next page.' })
  @Public()
  endCursor: string | null;

  @Field({ description: 'Whether items follow this page.' })
  @Public()
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Declares `<Name>Connection { nodes, pageInfo, totalCount }` for an item type. */
export function ConnectionType<T extends object>(item: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass implements Connection<T> {
    @Field(() => [item], { description: 'The items of this page, in order.' })
    @Public()
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follows.' })
    @Public()
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match the filter in all.' })
    @Public()
    totalCount: number;
  }
  return ConnectionClass;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw new BadUserInputError({ field, rule: 'is not a cursor this list gave out' });
  return key;
}

/** Builds a page from `first + 1` rows fetched in key order: the extra row only says that more follows. */
export function toConnection<T>(rows: T[], first: number, totalCount: number, keyOf: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { endCursor: last ? encodeCursor(keyOf(last)) : null, hasNextPage: rows.length > first },
  };
}

/**
 * A page of the records of `entity` that `where` matches, in ascending order of their unique string `key`
 * (a cursor is the key of a page's last record): `first` at most (PAGE_BOUND, checked before any statement),
 * after the cursor `after`, and how many match in all.
 */
export async function keyOrderedPage<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  key: keyof T & string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const first = sizeWithin(PAGE_BOUND, args.first);
  const after = args.after;
  // MikroORM's own filter types of a generic entity do not line up with FilterQuery<T>: cast once here.
  const page = (after ? { ...(where as object), [key]: { $gt: decodeCursor(after) } } : where) as FilterQuery<NoInfer<T>>;
  const [rows, total] = await Promise.all([
    em.find<T>(entity, page, { orderBy: { [key]: 'asc' } as never, limit: first + 1 }),
    em.count<T>(entity, where as FilterQuery<NoInfer<T>>),
  ]);
  return toConnection(rows as T[], first, total, (row) => String(row[key]));
}
