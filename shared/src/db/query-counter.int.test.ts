import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { makeTempDir } from '@labour/testing/temp-dir';
import { createOrm } from './create-orm';
import { BACKGROUND_QUERY } from './query-counter';

@Entity({ tableName: 'test_capture' })
class Captured {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 20 })
  code!: string;
}

/** SQL_CAPTURE_FILE (`npm run bench:peers`): every statement as PostgreSQL received it, one JSON line each. */
describe('QueryCounter, capturing statements to a file', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let off: MikroORM;
  const dir = makeTempDir('sql-capture');
  const file = join(dir.path, 'sql.jsonl');
  beforeAll(async () => {
    database = await createTestDatabase('sql_capture');
    ({ orm } = await createOrm({
      databaseUrl: database.url,
      entities: [Captured],
      migrations: [],
      logger: pino({ level: 'silent' }),
      sqlCaptureFile: file,
    }));
    ({ orm: off } = await createOrm({
      databaseUrl: database.url,
      entities: [Captured],
      migrations: [],
      logger: pino({ level: 'silent' }),
    }));
    await orm.schema.create();
  });
  afterAll(async () => {
    await orm?.close();
    await off?.close();
    await database?.drop();
    dir.remove();
  });

  const lines = () =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { sql: string; background: boolean; failed: boolean });

  it('appends each statement with its parameters inlined, marks background ones, and nothing from an ORM without the file', async () => {
    const before = lines().length;
    const em = orm.em.fork();
    em.create(Captured, { id: 1, code: "O'Brien" });
    await em.flush();
    await orm.em.fork().find(Captured, { code: "O'Brien" });
    await orm.em.fork().find(Captured, { id: 2 }, { loggerContext: { [BACKGROUND_QUERY]: true } });
    await off.em.fork().find(Captured, { id: 1 });
    const written = lines().slice(before);
    expect(written.map((line) => [line.sql, line.background, line.failed])).toEqual([
      ['begin', false, false],
      [`insert into "test_capture" ("id", "code") values (1, 'O''Brien')`, false, false],
      ['commit', false, false],
      [`select "c0".* from "test_capture" as "c0" where "c0"."code" = 'O''Brien'`, false, false],
      [`select "c0".* from "test_capture" as "c0" where "c0"."id" = 2`, true, false],
    ]);
  });
});
