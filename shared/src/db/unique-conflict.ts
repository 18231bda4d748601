import { UniqueConstraintViolationException, type EntityManager, type EntityMetadata } from '@mikro-orm/core';
import { ConflictError } from '../errors';

/** How a record's unique properties are put to the user, when not as they are named and stored. */
export interface UniqueWording {
  /** The name the user knows a property by, e.g. `{ personRef: 'idNumber' }` for a keyed hash of an ID number. */
  fields?: Readonly<Record<string, string>>;
  /** Properties holding personal data: the message says "this idNumber", never the number. */
  personal?: readonly string[];
}

interface UniqueKey {
  meta: EntityMetadata;
  properties: string[];
}

const asList = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

/** The unique keys of an entity by constraint name, named as the schema generator names them. */
function uniqueKeysOf(em: EntityManager, meta: EntityMetadata): Map<string, string[]> {
  const naming = em.config.getNamingStrategy();
  const keys = new Map<string, string[]>();
  const add = (properties: string[], name?: string) => {
    const columns = properties.flatMap((p) => meta.properties[p]?.fieldNames ?? []);
    keys.set(name ?? naming.indexName(meta.tableName, columns, 'unique'), properties);
  };
  for (const unique of meta.uniques) {
    const properties = asList(unique.properties as string | string[] | undefined);
    if (properties.length) add(properties, unique.name);
  }
  for (const prop of meta.props) {
    if (prop.unique) add([prop.name], typeof prop.unique === 'string' ? prop.unique : undefined);
  }
  return keys;
}

/** The entity and properties behind a violated constraint, from the ORM's metadata. */
function keyOf(em: EntityManager, error: UniqueConstraintViolationException): UniqueKey | undefined {
  const { constraint, table } = error as unknown as { constraint?: string; table?: string };
  if (!constraint) return undefined;
  for (const meta of em.getMetadata().getAll().values()) {
    if (meta.abstract || meta.embeddable || (table && meta.tableName !== table)) continue;
    const properties = uniqueKeysOf(em, meta).get(constraint);
    if (properties) return { meta, properties };
  }
  return undefined;
}

const isShown = (value: unknown): value is string | number | bigint => ['string', 'number', 'bigint'].includes(typeof value);

/** "mediation case" for MediationCase. */
const wordsOf = (className: string) => className.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * The CONFLICT a unique violation means, worded for the user: which record, which field, which value
 * (unless it is personal), e.g. "An enterprise with creditCode 91110302MA00F7LK33 already exists".
 * `what` names the record being written ("An enterprise"); the field comes from the violated constraint.
 */
export function uniqueConflict(
  em: EntityManager,
  error: UniqueConstraintViolationException,
  record: object,
  what: string,
  wording: UniqueWording = {},
): ConflictError {
  const key = keyOf(em, error);
  if (!key) return new ConflictError(`${what} clashes with one that already exists: one of its unique values is taken`);
  const names = key.properties.map((p) => wording.fields?.[p] ?? p);
  const extensions = { field: names[0] };
  // The constraint may belong to another record written in the same flush (a child of this one).
  if (!(record instanceof key.meta.class)) {
    return new ConflictError(`The ${names.join(' and ')} of this ${wordsOf(key.meta.className)} is already taken`, extensions);
  }
  const values = key.properties.map((p) => (record as Record<string, unknown>)[p]);
  const personal = key.properties.some((p) => wording.personal?.includes(p));
  const named =
    !personal && values.every(isShown) ? names.map((n, i) => `${n} ${String(values[i])}`).join(' and ') : `this ${names.join(' and ')}`;
  return new ConflictError(`${what} with ${named} already exists`, extensions);
}

/**
 * Writes a new record (made with `em.create`, so already persisted) with everything else the request
 * changed, in one flush: one transaction. A unique value someone else holds, even one inserted a moment
 * ago by a concurrent request, is refused by the database and answered with CONFLICT naming the field;
 * nothing is written. Creates rely on this rather than a check before the insert, which two requests
 * at once both pass.
 */
export async function insertOrConflict<T extends object>(em: EntityManager, record: T, what: string, wording?: UniqueWording): Promise<T> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // The transaction rolled back. The refused record must not stay in this request's unit of work, or
    // a later flush in the same request would try to insert it again.
    em.clear();
    throw uniqueConflict(em, error, record, what, wording);
  }
  return record;
}
