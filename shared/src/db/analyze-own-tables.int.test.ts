import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { analyzeOwnTables } from './analyze-own-tables';
import { createOrm } from './create-orm';

@Entity({ tableName: 'test_analyzed_row' })
class AnalyzedRow {
  @PrimaryKey({ type: 'string', length: 10 })
  code!: string;

  @Property({ type: 'integer' })
  amount!: number;
}

let database: TestDatabase;
let orm: MikroORM;
beforeAll(async () => {
  database = await createTestDatabase('analyze_own_tables');
  ({ orm } = await createOrm({ databaseUrl: database.url, entities: [AnalyzedRow], migrations: [], logger: pino({ level: 'silent' }) }));
  await orm.schema.create();
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('analyzeOwnTables', () => {
  it("gives the planner statistics of the role's own tables, and names them", async () => {
    const em = orm.em.fork();
    for (let i = 0; i < 40; i++) em.create(AnalyzedRow, { code: `R${i}`, amount: i });
    await em.flush();
    const lastAnalyze = async () =>
      (
        await em.execute<Array<{ at: Date | null }>>(
          `select last_analyze as at from pg_stat_user_tables where relname = 'test_analyzed_row'`,
        )
      )[0]?.at;
    expect(await lastAnalyze()).toBeNull();

    const tables = await analyzeOwnTables(em);

    expect(tables).toContain('public.test_analyzed_row');
    // Nothing of the cluster's shared catalogues, which the role may not analyze.
    expect(tables.filter((table) => table.startsWith('pg_catalog.'))).toEqual([]);
    expect(await lastAnalyze()).toEqual(expect.any(String));
    const [stats] = await em.execute<Array<{ rows: number }>>(`select reltuples as rows from pg_class where relname = 'test_analyzed_row'`);
    expect(Number(stats!.rows)).toBe(40);
  });
});
