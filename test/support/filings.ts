import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createOrm } from '@labour/shared';
import { createTestDatabase, type TestDatabase } from './databases';

/** A record of the simplest list there is, for testing the paging of every list on a table of its own. */
@Entity({ tableName: 'test_filing' })
export class Filing {
  @PrimaryKey({ type: 'string', length: 10 })
  filingNo!: string;

  @Property({ type: 'date' })
  filedOn!: string;

  @Property({ type: 'string', length: 10 })
  status!: string;

  @Property({ type: 'string', length: 20 })
  applicantName!: string;
}

/**
 * `count` filings F000, F001 …, the i-th filed on `filedOn(i)` with `status(i)`, by Wang (even i) or Li; and the
 * same newest first, same-day ones by number, as every list orders them.
 */
export function filings(count: number, filedOn: (i: number) => string, status: (i: number) => string) {
  const all = Array.from({ length: count }, (_, i) => ({
    filingNo: `F${String(i).padStart(3, '0')}`,
    filedOn: filedOn(i),
    status: status(i),
    applicantName: i % 2 === 0 ? 'Wang' : 'Li',
  }));
  const newestFirst = [...all].sort((a, b) =>
    a.filedOn === b.filedOn ? (a.filingNo < b.filingNo ? -1 : 1) : a.filedOn < b.filedOn ? 1 : -1,
  );
  return { all, newestFirst };
}

/**
 * A test file's database holding `rows` as filings: created with its ORM in a beforeAll, dropped in the afterAll.
 * What it returns gives the ORM once the beforeAll has run.
 */
export function useFilings(name: string, rows: ReadonlyArray<Filing>): () => MikroORM {
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(name);
    ({ orm } = await createOrm({ databaseUrl: database.url, entities: [Filing], migrations: [], logger: pino({ level: 'silent' }) }));
    await orm.schema.create();
    const em = orm.em.fork();
    for (const row of rows) em.create(Filing, row);
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });
  return () => {
    if (!orm) throw new Error(`the filings of ${name} are not there yet: use them in a test or a hook after their beforeAll`);
    return orm;
  };
}
