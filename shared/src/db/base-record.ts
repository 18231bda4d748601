import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Public } from '../permissions/data-class';

/**
 * What every department record has: an internal id, a version for optimistic locking, and
 * creation/update times (kept in the database, not in the schema).
 */
@ObjectType({ description: 'Fields every department record has.' })
@Entity({ abstract: true })
export abstract class BaseRecord<Optional extends string = never> {
  /** Properties `em.create` may leave out: defaults, computed getters, and `Optional` of the subclass. */
  [OptionalProps]?: 'id' | 'version' | 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID, { description: 'Internal identifier of the record (UUID).' })
  @Public()
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Int, {
    description: 'Version for optimistic locking: send it back with an update; a stale version is refused with CONFLICT.',
  })
  @Public()
  @Property({ version: true })
  version: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
