import type { BaseRequestContext } from '@labour/shared';

/** One request's context in the gateway. */
export interface GatewayContext extends BaseRequestContext {
  /** The caller's `Authorization` header (already verified here), forwarded as is: every subgraph verifies it again. */
  authorization: string | null;
}
