import type { DepartmentRequestContext } from '@labour/shared';
import type { HrLoaders } from './loaders';

/** One request's context in the hr-bureau subgraph: its own entity manager fork and loaders. */
export type HrRequestContext = DepartmentRequestContext<HrLoaders>;
