import { Department, type SubgraphDefinition } from '@labour/shared';
import { loadHrDemoData } from './demo/load-demo-data';
import { HR_ENTITIES } from './entities';
import { createHrLoaders, type HrLoaders } from './loaders';
import { HR_MIGRATIONS } from './migrations';
import { buildHrBureauSchema } from './schema';
import { HR_CHANNEL_SCOPES } from './channel-scope/hr-channel-scopes';

/** The labour bureau's (人社局) subgraph: enterprise file, workers, inspections, warnings, layoffs, arbitration. */
export const hrBureauSubgraph: SubgraphDefinition<HrLoaders> = {
  name: 'hr-bureau',
  department: Department.HR_BUREAU,
  entities: HR_ENTITIES,
  migrations: HR_MIGRATIONS,
  buildSchema: buildHrBureauSchema,
  createLoaders: createHrLoaders,
  loadDemoData: loadHrDemoData,
  channelScopes: HR_CHANNEL_SCOPES,
};
