import type { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { SubgraphConfig } from '../config';
import type { BaseRequestContext, Department } from '../context';
import { createOrm, type QueryCounter } from '../db';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';

/** Everything that makes one department's subgraph; the mechanism around it is the same for all four. */
export interface SubgraphDefinition<L> {
  /** Service name in logs and URLs, e.g. `hr-bureau`. */
  name: string;
  /** The department that owns this subgraph's data (the provider in sharing channels). */
  department: Department;
  entities: NonNullable<Options['entities']>;
  migrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
  buildSchema: () => Promise<GraphQLSchema>;
  createLoaders: (em: EntityManager) => L;
  /** Loads this department's slice of the demo world into an empty database. */
  loadDemoData: (em: EntityManager, options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger }) => Promise<void>;
}

/** The context every department's resolvers get. */
export interface DepartmentContext<L> extends BaseRequestContext {
  em: EntityManager;
  loaders: L;
  linkageKey: Buffer;
}

export interface DepartmentSubgraph {
  orm: MikroORM;
  queries: QueryCounter;
  schema: GraphQLSchema;
  server: SubgraphServer;
  /** Migrates, then loads or reloads demo data as the configuration says. */
  prepare(demo: { mode: SubgraphConfig['demoData']; scale: number; asOf: string }): Promise<void>;
  stop(): Promise<void>;
}

type Config = Pick<SubgraphConfig, 'databaseUrl' | 'linkageKey'>;

/** Builds a department subgraph with no side effects beyond connecting: `main.ts` prepares and listens. */
export async function createDepartmentSubgraph<L>(
  definition: SubgraphDefinition<L>,
  config: Config,
  logger: Logger,
): Promise<DepartmentSubgraph> {
  const { orm, queries } = await createOrm({
    databaseUrl: config.databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });
  const schema = await definition.buildSchema();
  const server = await createSubgraphServer<DepartmentContext<L>>({
    schema,
    logger,
    ready: () => orm.isConnected(),
    buildContext: (base) => {
      const em = orm.em.fork();
      return { ...base, em, loaders: definition.createLoaders(em), linkageKey: config.linkageKey };
    },
  });

  async function prepare(demo: { mode: SubgraphConfig['demoData']; scale: number; asOf: string }): Promise<void> {
    const applied = await orm.migrator.up();
    logger.info({ migrations: applied.map((m) => m.name) }, 'database migrated');
    if (demo.mode === 'off') return;
    const em = orm.em.fork();
    if (demo.mode === 'reset') {
      await orm.schema.clear();
      logger.info('demo data cleared');
    } else {
      const first = definition.entities[0] as never;
      if ((await em.count(first)) > 0) return;
    }
    const started = performance.now();
    await definition.loadDemoData(em, { scale: demo.scale, asOf: demo.asOf, linkageKey: config.linkageKey, logger });
    logger.info({ scale: demo.scale, asOf: demo.asOf, ms: Math.round(performance.now() - started) }, 'demo data loaded');
  }

  return {
    orm,
    queries,
    schema,
    server,
    prepare,
    stop: async () => {
      await server.stop();
      await orm.close();
    },
  };
}
