import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ErrorCode } from '../errors/error-codes';
import { jsonErrorHandler, notFoundHandler, parseJsonBody, requireJsonBodyOf } from './json-requests';
import { traceResponseHeader } from '../telemetry/trace-response';
import { assignRequestId } from './request-id';
import { requireToken } from './require-token';

export { requestIdOf } from './request-id';

/** The `/graphql` endpoint of a service. */
export interface GraphQLEndpoint {
  /** Who may call it: a department's subgraph trusts nobody, not even the gateway. */
  verifyToken: TokenVerifier;
  /** The largest request body it reads, as body-parser writes it ('256kb', '1mb'); a larger one gets 413. */
  bodyLimit: string;
  /** Apollo Server's express middleware. */
  handler: RequestHandler;
  /** Run on the read body before Apollo Server (the gateway's trusted documents); a refusal ends the request there. */
  beforeHandler?: RequestHandler;
}

/** A readiness answer with details (the gateway's, department by department). */
export interface ReadinessReport {
  /** 200 when true, else 503. */
  readonly ready: boolean;
  /** The JSON answer. */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface ServiceAppOptions {
  logger: Logger;
  /**
   * Readiness: true when the service can answer (its database reachable, its schema loaded), answered as
   * `{"status":"ready"}` or 503 `{"status":"not ready"}`; or a report that says more.
   */
  ready: () => Promise<boolean | ReadinessReport>;
  graphql: GraphQLEndpoint;
  /**
   * Further JSON routes behind the same token check and body limit as `/graphql` (a subgraph's
   * `/channels` routes, where its own department's ADMIN decides its outgoing sharing channels).
   */
  routes?: ReadonlyArray<{ path: string; router: Router; bodyLimit: string }>;
  /** Routes without the token check, after all the others (the gateway's web console and its sign-in). */
  publicRouter?: Router;
  /**
   * How many client request ids one request may carry in `x-request-id` (comma-separated): a subgraph
   * takes MAX_MERGED_FETCHES, since one merged fetch of the gateway can serve that many; default 1.
   */
  requestIds?: number;
  /** Told of each request refused before GraphQL (401, 413, 415, a body that is not JSON) by its code (metrics). */
  refused?: (code: ErrorCode) => void;
}

/**
 * An express app with what every service has: request ids (taken from the caller or made here and
 * echoed back), `/health` (alive) and `/ready` (able to serve), and `/graphql` behind the token check
 * and a size-limited JSON body. Whatever goes wrong outside GraphQL (a body that is not JSON, too large,
 * an unknown path, a fault of ours) is answered as a GraphQL error in JSON, never as Express's HTML page.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(assignRequestId(options.requestIds));
  app.use(traceResponseHeader);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    let answer: boolean | ReadinessReport = false;
    try {
      answer = await options.ready();
    } catch (err) {
      options.logger.warn({ err }, 'readiness check failed');
    }
    if (typeof answer === 'boolean') res.status(answer ? 200 : 503).json({ status: answer ? 'ready' : 'not ready' });
    else res.status(answer.ready ? 200 : 503).json(answer.body);
  });
  const { verifyToken, bodyLimit, handler, beforeHandler } = options.graphql;
  const { refused } = options;
  const jsonBody = requireJsonBodyOf(refused);
  app.use(
    '/graphql',
    // A missing or bad token ends here with 401 UNAUTHENTICATED: nothing is read, parsed, planned or fetched.
    requireToken(verifyToken, options.logger, refused),
    jsonBody,
    parseJsonBody(bodyLimit),
    ...(beforeHandler ? [beforeHandler] : []),
    handler,
  );
  for (const route of options.routes ?? []) {
    app.use(route.path, requireToken(verifyToken, options.logger, refused), jsonBody, parseJsonBody(route.bodyLimit), route.router);
  }
  if (options.publicRouter) app.use(options.publicRouter);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(options.logger, refused));
  return app;
}
