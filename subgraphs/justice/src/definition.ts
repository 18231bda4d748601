import { Department, type SubgraphDefinition } from '@labour/shared';
import { loadJusticeDemoData } from './demo/load-demo-data';
import { JUSTICE_ENTITIES } from './entities';
import { createJusticeLoaders, type JusticeLoaders } from './loaders';
import { JUSTICE_MIGRATIONS } from './migrations';
import { buildJusticeSchema } from './schema';
import { JUSTICE_CHANNEL_SCOPES } from './channel-scope/justice-channel-scopes';

/** The justice bureau's (司法局) subgraph: legal aid, people's mediation committees and their cases. */
export const justiceSubgraph: SubgraphDefinition<JusticeLoaders> = {
  name: 'justice',
  department: Department.JUSTICE,
  entities: JUSTICE_ENTITIES,
  migrations: JUSTICE_MIGRATIONS,
  buildSchema: buildJusticeSchema,
  createLoaders: createJusticeLoaders,
  loadDemoData: loadJusticeDemoData,
  channelScopes: JUSTICE_CHANNEL_SCOPES,
};
