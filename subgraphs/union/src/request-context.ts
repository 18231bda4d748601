import type { DepartmentContext } from '@labour/shared';
import type { UnionLoaders } from './loaders';

/** One request's context in the union subgraph: its own entity manager fork and loaders. */
export type UnionContext = DepartmentContext<UnionLoaders>;
