import type { SubgraphDefinition } from '@labour/shared';
import { courtSubgraph } from '../../subgraphs/court/src/definition';
import { hrBureauSubgraph } from '../../subgraphs/hr-bureau/src/definition';
import { justiceSubgraph } from '../../subgraphs/justice/src/definition';
import { unionSubgraph } from '../../subgraphs/union/src/definition';
import { DEPARTMENTS, type DepartmentName } from '../lib/services';

export interface ListedSubgraph {
  name: DepartmentName;
  /** Where the subgraph listens in a local run; the gateway may override it from its environment. */
  url: string;
  load(): Promise<SubgraphDefinition<unknown>>;
}

const definitions: Record<DepartmentName, SubgraphDefinition<unknown>> = {
  'hr-bureau': hrBureauSubgraph,
  union: unionSubgraph,
  court: courtSubgraph,
  justice: justiceSubgraph,
};

/** The four department subgraphs, in the order the supergraph lists them. */
export const SUBGRAPHS: readonly ListedSubgraph[] = DEPARTMENTS.map((d) => ({
  name: d.name,
  url: `http://127.0.0.1:${d.defaultPort}/graphql`,
  load: async () => definitions[d.name],
}));
