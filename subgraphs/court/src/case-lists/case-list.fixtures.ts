import { Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';

/** The day the demo world is drawn as of, and the subgraph's "today". */
export const TODAY = TEST_AS_OF;
export const YEAR = TODAY.slice(0, 4);

export const courtCaseworker = asPrincipal(Department.COURT, Role.CASEWORKER);
export const courtAnalyst = asPrincipal(Department.COURT, Role.ANALYST);
export const hrCaseworker = asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);
export const unionCaseworker = asPrincipal(Department.UNION, Role.CASEWORKER);

/** The errors of a response as `path code field`, for comparing refusals. */
export const errorsOf = (errors: Array<{ path?: readonly unknown[]; extensions?: Record<string, unknown> }> | undefined) =>
  (errors ?? []).map((e) => [e.path?.join('.') ?? null, e.extensions?.['code'], e.extensions?.['field'] ?? null]);
