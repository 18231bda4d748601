import type { DepartmentRequestContext } from '@labour/shared';
import type { CourtLoaders } from './loaders';

/** One request's context in the court subgraph: its own entity manager fork and loaders. */
export type CourtRequestContext = DepartmentRequestContext<CourtLoaders>;
