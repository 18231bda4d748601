import { NotFoundError as OrmNotFoundError, type Dictionary, type IPrimaryKey } from '@mikro-orm/core';
import { NotFoundError } from '../errors';

interface Naming {
  name: string;
  key?: string;
}

const NAMES = new WeakMap<object, Naming>();

/**
 * How clients read a record's name in NOT_FOUND and CONFLICT messages, e.g. `@RecordName('Lawsuit')`:
 * "Lawsuit （2026）京0115民初1234号 does not exist". The record's key is the one condition of the lookup, or
 * `key` of it when the lookup has several (e.g. an agenda item by id within its meeting). A record whose
 * key is personal data (a worker's ID number) is not named here: its own lookup says what it is.
 */
export function RecordName(name: string, options: { key?: string } = {}): ClassDecorator {
  return (target) => {
    NAMES.set(target, { name, key: options.key });
  };
}

/** The key a lookup names its record by, or null when the lookup names no single one. */
function keyOf(naming: Naming, where: Dictionary | IPrimaryKey): string | null {
  if (where === null || typeof where !== 'object' || where instanceof Date) return String(where);
  const conditions = where as Dictionary;
  const keys = naming.key ? [naming.key] : Object.keys(conditions);
  const value: unknown = keys.length === 1 ? conditions[keys[0]!] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** "Lawsuit （2026）京0115民初1234号": the record's name and its key in that lookup. */
export function describeRecord(entity: object, where: Dictionary | IPrimaryKey): string {
  const naming = NAMES.get(entity);
  const key = naming && keyOf(naming, where);
  if (!naming || key == null)
    throw new Error(`${(entity as { name?: string }).name ?? 'This entity'} has no @RecordName for a lookup by ${JSON.stringify(where)}`);
  return `${naming.name} ${key}`;
}

/**
 * The ORM's `findOneOrFailHandler`: a named record missing under its key is the client's NOT_FOUND; any other
 * miss is MikroORM's own error (a fault of the code, not of the request).
 */
export function recordNotFoundHandler(entityOf: (entityName: string) => object | undefined) {
  return (entityName: string, where: Dictionary | IPrimaryKey): Error => {
    const entity = entityOf(entityName);
    const naming = entity && NAMES.get(entity);
    const key = naming && keyOf(naming, where);
    return naming && key != null ? new NotFoundError(naming.name, key) : OrmNotFoundError.findOneFailed(entityName, where);
  };
}
