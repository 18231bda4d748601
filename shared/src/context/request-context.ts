import type { Logger } from 'pino';
import type { Principal } from './principal';

/** What every service's per-request context carries, whatever the service adds to it. */
export interface BaseRequestContext {
  requestId: string;
  /** The caller, from the verified token: a request without a valid token never gets a context. */
  principal: Principal;
  /** Declared purpose of the request (`X-Purpose`), for the access log. */
  purpose: string | null;
  logger: Logger;
}
