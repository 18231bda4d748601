import { Department, type SubgraphDefinition } from '@labour/shared';
import { loadCourtDemoData } from './demo/load-demo-data';
import { COURT_ENTITIES } from './entities';
import { createCourtLoaders, type CourtLoaders } from './loaders';
import { COURT_MIGRATIONS } from './migrations';
import { buildCourtSchema } from './schema';

/** The People's Court's (法院) subgraph: labour lawsuits, judicial confirmation, enforcement, judicial suggestions. */
export const courtSubgraph: SubgraphDefinition<CourtLoaders> = {
  name: 'court',
  department: Department.COURT,
  entities: COURT_ENTITIES,
  migrations: COURT_MIGRATIONS,
  buildSchema: buildCourtSchema,
  createLoaders: createCourtLoaders,
  loadDemoData: loadCourtDemoData,
};
