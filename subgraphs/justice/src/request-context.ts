import type { DepartmentRequestContext } from '@labour/shared';
import type { JusticeLoaders } from './loaders';

/** One request's context in the justice subgraph: its own entity manager fork and loaders. */
export type JusticeRequestContext = DepartmentRequestContext<JusticeLoaders>;
