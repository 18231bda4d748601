import type { DepartmentRequestContext } from '@labour/shared';
import type { UnionLoaders } from './loaders';

/** One request's context in the union subgraph: its own entity manager fork and loaders. */
export type UnionRequestContext = DepartmentRequestContext<UnionLoaders>;
