import type { MikroORM } from '@mikro-orm/postgresql';
import {
  BaseRecord,
  createOrm,
  createServiceApp,
  createTokenVerifier,
  listen,
  PROVIDER_CHANNEL_ROUTES,
  ProviderChannel,
  providerChannelRoutes,
  type Department,
} from '@labour/shared';
import { createTestDatabase } from './databases';
import { TEST_CLOCK, testLogger } from './subgraph-harness';
import { TEST_AUTH } from './tokens';

export interface ChannelProvider {
  /** Its "/graphql" URL, as a peer URL: the channel routes are beside it. */
  url: string;
  orm: MikroORM;
  stop(): Promise<void>;
}

/**
 * Only the part of a department's subgraph that decides its outgoing channels: its own provider_channel
 * table and its `/channels` routes behind the token check, the same shared code every subgraph mounts.
 * For the registry's tests in the union subgraph, which must not start another department's subgraph.
 */
export async function startChannelProvider(department: Department): Promise<ChannelProvider> {
  const database = await createTestDatabase(`channels_${department.toLowerCase()}`);
  const logger = testLogger(`channels-${department}`);
  const { orm } = await createOrm({ databaseUrl: database.url, entities: [BaseRecord, ProviderChannel], migrations: [], logger });
  await orm.schema.create();
  const app = createServiceApp({
    logger,
    ready: async () => true,
    graphql: { verifyToken: createTokenVerifier(TEST_AUTH), bodyLimit: '1mb', handler: (_req, res) => void res.status(404).json({}) },
    routes: [
      { path: PROVIDER_CHANNEL_ROUTES, router: providerChannelRoutes({ orm, department, clock: TEST_CLOCK, logger }), bodyLimit: '256kb' },
    ],
  });
  const listening = await listen(app, 0, '127.0.0.1');
  return {
    url: `${listening.url}`,
    orm,
    async stop() {
      await listening.close();
      await orm.close();
      await database.drop();
    },
  };
}
