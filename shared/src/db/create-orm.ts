import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { QueryCounter } from './query-counter';
import { recordNotFoundHandler } from './record-name';

export interface OrmOptions {
  databaseUrl: string;
  entities: NonNullable<Options['entities']>;
  /** The service's committed migrations, in order (no schema sync at run time). */
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  logger: Logger;
  /** Connection pool size; each service has its own database. */
  poolMax?: number;
  /** SQL_CAPTURE_FILE (bench only): append every statement to this file, see QueryCounter. */
  sqlCaptureFile?: string;
}

export interface Orm {
  orm: MikroORM;
  queries: QueryCounter;
}

/** One MikroORM instance per service process, on PostgreSQL, with its migrations and a statement counter. */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  const queries = new QueryCounter(options.logger.child({ component: 'orm' }), options.sqlCaptureFile);
  const orm: MikroORM = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    loggerFactory: () => queries,
    debug: false,
    // A request's identity map lives in its own fork (see the request context), never the global one.
    allowGlobalContext: false,
    ensureDatabase: false,
    // em.findOneOrFail of a record named by @RecordName: NOT_FOUND as the client reads it.
    findOneOrFailHandler: recordNotFoundHandler((entityName) => orm.getMetadata().getByClassName(entityName, false)?.class),
  });
  return { orm, queries };
}
