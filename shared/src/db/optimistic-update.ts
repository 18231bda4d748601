import { OptimisticLockError, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { ConflictError } from '../errors';
import type { BaseRecord } from './base-record';
import { describeRecord } from './record-name';

/**
 * Applies a change to a record the caller read at `expectedVersion` and flushes it (one transaction). A stale
 * version (checked here, and again by the `WHERE version = ?` of the update itself when two writers
 * race) is refused with CONFLICT: never a lost update. Nothing is written when `change` throws.
 */
export async function updateVersioned<T extends BaseRecord<any>>(
  em: EntityManager,
  record: T,
  expectedVersion: number,
  change: (record: T) => void | Promise<void>,
  describe: string,
): Promise<T> {
  if (record.version !== expectedVersion) {
    throw new ConflictError(`${describe} is at version ${record.version}, not ${expectedVersion}: read it again and reapply your change`, {
      currentVersion: record.version,
    });
  }
  // A throwing change leaves nothing written: the flush (one transaction) never runs, and the
  // half-changed record dies with the request's own entity manager fork.
  await change(record);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw new ConflictError(`${describe} was changed by someone else meanwhile: read it again and reapply your change`);
    }
    throw error;
  }
  return record;
}

/**
 * Finds the record of `entity` whose `key` is the input's and changes it at `input.version` (see updateVersioned).
 * A missing record is NOT_FOUND, named by the entity's @RecordName; so is a stale version's CONFLICT, unless
 * `describe` names the record otherwise.
 */
export async function changeVersioned<T extends BaseRecord<any>, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: K,
  input: { readonly version: number } & { readonly [P in K]: string },
  change: (record: T) => void | Promise<void>,
  describe?: (record: T) => string,
): Promise<T> {
  const where = { [key]: input[key] } as FilterQuery<T>;
  const record = (await em.findOneOrFail(entity, where)) as T;
  return updateVersioned(em, record, input.version, change, describe ? describe(record) : describeRecord(entity, where as object));
}
