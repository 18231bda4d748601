import type { BaseRequestContext, Department } from '@labour/shared';

/** One request's context in the gateway. */
export interface GatewayContext extends BaseRequestContext {
  /** The caller's `Authorization` header (already verified here), forwarded as is: every subgraph verifies it again. */
  authorization: string | null;
  /** Departments that could not be asked for their part of this answer (down, timed out, breaker open). */
  missingDepartments: Set<Department>;
}
