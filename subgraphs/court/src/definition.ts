import { Department, type SubgraphDefinition } from '@labour/shared';
import { loadCourtDemoData } from './demo/load-demo-data';
import { COURT_ENTITIES } from './entities';
import { createCourtLoaders, type CourtLoaders } from './loaders';
import { COURT_MIGRATIONS } from './migrations';
import { buildCourtSchema } from './schema';
import { COURT_CHANNEL_SCOPES } from './channel-scope/court-channel-scopes';

/** The People's Court's (法院) subgraph: labour lawsuits, judicial confirmation, enforcement, judicial suggestions. */
export const courtSubgraph: SubgraphDefinition<CourtLoaders> = {
  name: 'court',
  department: Department.COURT,
  entities: COURT_ENTITIES,
  migrations: COURT_MIGRATIONS,
  buildSchema: buildCourtSchema,
  createLoaders: createCourtLoaders,
  loadDemoData: loadCourtDemoData,
  channelScopes: COURT_CHANNEL_SCOPES,
};
