import { Department, type SubgraphDefinition } from '@labour/shared';
import { loadUnionDemoData } from './demo/load-demo-data';
import { UNION_ENTITIES } from './entities';
import { createUnionLoaders, type UnionLoaders } from './loaders';
import { UNION_MIGRATIONS } from './migrations';
import { buildUnionSchema } from './schema';
import { UNION_CHANNEL_SCOPES } from './channel-scope/union-channel-scopes';

/** The Federation of Trade Unions' (总工会) subgraph: union organisations, mediation, collective contracts, aid, consultations. */
export const unionSubgraph: SubgraphDefinition<UnionLoaders> = {
  name: 'union',
  department: Department.UNION,
  entities: UNION_ENTITIES,
  migrations: UNION_MIGRATIONS,
  buildSchema: buildUnionSchema,
  createLoaders: createUnionLoaders,
  loadDemoData: loadUnionDemoData,
  channelScopes: UNION_CHANNEL_SCOPES,
};
