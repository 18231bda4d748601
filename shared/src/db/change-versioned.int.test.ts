import { NotFoundError as OrmNotFoundError } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { BaseRecord } from './base-record';
import { createOrm } from './create-orm';
import { changeVersioned } from './optimistic-update';
import { RecordName } from './record-name';

// A named record changed by its number, a named record looked up within its parent, and one with no name.
@RecordName('Register')
@Entity({ tableName: 'test_versioned_register' })
class Register extends BaseRecord {
  @Property({ type: 'string', length: 20 })
  @Unique()
  registerNo!: string;

  @Property({ type: 'string', length: 40 })
  title!: string;
}

@RecordName('Line of this register', { key: 'id' })
@Entity({ tableName: 'test_versioned_register_line' })
class RegisterLine extends BaseRecord {
  @Property({ type: 'string', length: 20 })
  registerNo!: string;
}

@Entity({ tableName: 'test_versioned_unnamed' })
class Unnamed extends BaseRecord {
  @Property({ type: 'string', length: 20 })
  code!: string;
}

let database: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  database = await createTestDatabase('change_versioned');
  ({ orm } = await createOrm({
    databaseUrl: database.url,
    entities: [BaseRecord, Register, RegisterLine, Unnamed],
    migrations: [],
    logger: pino({ level: 'silent' }),
  }));
  await orm.schema.create();
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('changeVersioned', () => {
  async function register(registerNo: string, title = 'first'): Promise<Register> {
    const em = orm.em.fork();
    const created = em.create(Register, { registerNo, title });
    await em.flush();
    return created;
  }

  /** What the write threw, as a client would see it. */
  async function refusal(write: Promise<unknown>) {
    const error = await write.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    return {
      type: (error as Error).constructor,
      message: (error as Error).message,
      extensions: (error as { extensions?: unknown }).extensions,
    };
  }

  const stored = async (registerNo: string) => orm.em.fork().findOneOrFail(Register, { registerNo });

  it('changes the record found by its key at the version read, and counts the version up', async () => {
    await register('R-1');
    const changed = await changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-1', version: 1 }, (found) => {
      found.title = 'second';
    });
    expect(changed).toMatchObject({ registerNo: 'R-1', title: 'second', version: 2 });
    expect(await stored('R-1')).toMatchObject({ title: 'second', version: 2 });
  });

  it('awaits an asynchronous change before it writes', async () => {
    await register('R-2');
    await changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-2', version: 1 }, async (found) => {
      await new Promise((resolve) => setImmediate(resolve));
      found.title = 'later';
    });
    expect(await stored('R-2')).toMatchObject({ title: 'later', version: 2 });
  });

  it('refuses a missing record with NOT_FOUND, named by its @RecordName and key', async () => {
    let called = false;
    const write = changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-404', version: 1 }, () => {
      called = true;
    });
    expect(await refusal(write)).toEqual({
      type: NotFoundError,
      message: 'Register R-404 does not exist',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(called).toBe(false);
  });

  it('refuses a stale version with CONFLICT and the current version, and writes nothing', async () => {
    await register('R-3');
    await changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-3', version: 1 }, (found) => {
      found.title = 'second';
    });
    const write = changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-3', version: 1 }, (found) => {
      found.title = 'lost';
    });
    expect(await refusal(write)).toEqual({
      type: ConflictError,
      message: 'Register R-3 is at version 2, not 1: read it again and reapply your change',
      extensions: { code: 'CONFLICT', currentVersion: 2 },
    });
    expect(await stored('R-3')).toMatchObject({ title: 'second', version: 2 });
  });

  it('refuses the second of two writers that read the same version', async () => {
    await register('R-4');
    // The other writer changes the record after this one found it: the check passed, the update's own version condition refuses it.
    const write = changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-4', version: 1 }, async (found) => {
      await changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-4', version: 1 }, (other) => {
        other.title = 'other writer';
      });
      found.title = 'this writer';
    });
    expect(await refusal(write)).toEqual({
      type: ConflictError,
      message: 'Register R-4 was changed by someone else meanwhile: read it again and reapply your change',
      extensions: { code: 'CONFLICT' },
    });
    expect(await stored('R-4')).toMatchObject({ title: 'other writer', version: 2 });
  });

  it('names the record by `describe` when given, in the conflict', async () => {
    await register('R-5', 'Register of R-5');
    const write = changeVersioned(
      orm.em.fork(),
      Register,
      'registerNo',
      { registerNo: 'R-5', version: 3 },
      () => {},
      (found) => found.title,
    );
    expect((await refusal(write)).message).toBe('Register of R-5 is at version 1, not 3: read it again and reapply your change');
  });

  it('writes nothing when the change throws', async () => {
    await register('R-6');
    const write = changeVersioned(orm.em.fork(), Register, 'registerNo', { registerNo: 'R-6', version: 1 }, (found) => {
      found.title = 'half';
      throw new BadUserInputError({ field: 'title', rule: 'is refused' });
    });
    expect((await refusal(write)).type).toBe(BadUserInputError);
    expect(await stored('R-6')).toMatchObject({ title: 'first', version: 1 });
  });
});

describe('findOneOrFail through the ORM of createOrm', () => {
  it('is NOT_FOUND for a named record, by its one key', async () => {
    const error = await orm.em
      .fork()
      .findOneOrFail(Register, { registerNo: 'R-9' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: 'Register R-9 does not exist', extensions: { code: 'NOT_FOUND' } });
  });

  it('names a record looked up within its parent by the key its @RecordName gives', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const error = await orm.em
      .fork()
      .findOneOrFail(RegisterLine, { id, registerNo: 'R-1' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(`Line of this register ${id} does not exist`);
  });

  it("is MikroORM's own error for a record with no @RecordName (a fault of the code, not of the request)", async () => {
    const error = await orm.em
      .fork()
      .findOneOrFail(Unnamed, { code: 'U-1' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OrmNotFoundError);
    expect(error).not.toBeInstanceOf(NotFoundError);
  });

  it("is MikroORM's own error for a lookup that names no single key", async () => {
    const error = await orm.em
      .fork()
      .findOneOrFail(Register, { registerNo: 'R-9', title: 'none' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OrmNotFoundError);
  });

  it("keeps a lookup's own failHandler", async () => {
    const error = await orm.em
      .fork()
      .findOneOrFail(Register, { registerNo: 'R-9' }, { failHandler: () => new NotFoundError('Register with holder', 'ending 1234') })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe('Register with holder ending 1234 does not exist');
  });
});
