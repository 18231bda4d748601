import type { Logger } from 'pino';
import type { FetchOrigin } from '../federation/merged-fetch';
import type { Principal } from './principal';

/** What every service's per-request context carries, whatever the service adds to it. */
export interface BaseRequestContext {
  requestId: string;
  /** The caller, from the verified token: a request without a valid token never gets a context. */
  principal: Principal;
  /** Declared purpose of the request (`X-Purpose`), for the access log. */
  purpose: string | null;
  logger: Logger;
  /**
   * At a subgraph, for one of the gateway's merged fetches (`x-merged-fetches`): the client request and
   * operation each of its fetches serves, so that the access log names each read's own.
   */
  fetchOrigins?: readonly FetchOrigin[] | null;
}
