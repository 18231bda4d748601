import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { ConflictError } from '../errors';
import { createOrm } from './create-orm';
import { insertOrConflict } from './unique-conflict';

// Two tables of their own, so every way a unique key can be named is tried: a property's, a personal
// property's, and a composite key on another record written in the same flush.
@Entity({ tableName: 'test_register' })
class Register {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 18 })
  @Unique()
  holderIdNumber!: string;
}

@Entity({ tableName: 'test_register_entry' })
@Unique({ properties: ['registerCode', 'line'] })
class RegisterEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  registerCode!: string;

  @Property({ type: 'integer' })
  line!: number;
}

describe('insertOrConflict', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase('unique_conflict');
    ({ orm } = await createOrm({
      databaseUrl: database.url,
      entities: [Register, RegisterEntry],
      migrations: [],
      logger: pino({ level: 'silent' }),
    }));
    await orm.schema.create();
    const em = orm.em.fork();
    em.create(Register, { code: 'R-1', holderIdNumber: '110105199001011234' });
    em.create(RegisterEntry, { registerCode: 'R-1', line: 1 });
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  /** What `insertOrConflict` threw, as a client would see it. */
  async function refusal(write: Promise<unknown>) {
    const error = await write.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ConflictError);
    return { message: (error as ConflictError).message, extensions: (error as ConflictError).extensions };
  }

  const count = async (code: string) => orm.em.fork().count(Register, { code });

  it('names the field and the value that is taken', async () => {
    const em = orm.em.fork();
    const record = em.create(Register, { code: 'R-1', holderIdNumber: '110105199001015678' });
    expect(await refusal(insertOrConflict(em, record, 'A register'))).toEqual({
      message: 'A register with code R-1 already exists',
      extensions: { code: 'CONFLICT', field: 'code' },
    });
  });

  it('names a personal field without its value', async () => {
    const em = orm.em.fork();
    const record = em.create(Register, { code: 'R-2', holderIdNumber: '110105199001011234' });
    expect(
      await refusal(insertOrConflict(em, record, 'A register', { fields: { holderIdNumber: 'idNumber' }, personal: ['holderIdNumber'] })),
    ).toEqual({
      message: 'A register with this idNumber already exists',
      extensions: { code: 'CONFLICT', field: 'idNumber' },
    });
    expect(await count('R-2')).toBe(0);
  });

  it('writes nothing of a flush whose other record is refused, and forgets it', async () => {
    const em = orm.em.fork();
    const record = em.create(Register, { code: 'R-3', holderIdNumber: '110105199001019999' });
    em.create(RegisterEntry, { registerCode: 'R-1', line: 1 });
    expect(await refusal(insertOrConflict(em, record, 'A register'))).toEqual({
      message: 'The registerCode and line of this register entry is already taken',
      extensions: { code: 'CONFLICT', field: 'registerCode' },
    });
    expect(await count('R-3')).toBe(0);
    // Nothing refused stays to be inserted by a later flush of the same request.
    await em.flush();
    expect(await count('R-3')).toBe(0);
  });

  it('writes a record whose values are free', async () => {
    const em = orm.em.fork();
    const record = em.create(Register, { code: 'R-4', holderIdNumber: '110105199001010000' });
    expect(await insertOrConflict(em, record, 'A register')).toBe(record);
    expect(await count('R-4')).toBe(1);
  });
});
