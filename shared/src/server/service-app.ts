import { randomUUID } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging';

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
}

/** The request id of an express request, set by `createServiceApp`'s first middleware. */
export function requestIdOf(req: Request): string {
  return (req as Request & { requestId: string }).requestId;
}

/**
 * An express app with what every service has: request ids (taken from the caller or made here and
 * echoed back), `/health` (alive) and `/ready` (able to serve), and a small JSON body limit.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER], randomUUID);
    (req as Request & { requestId: string }).requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  });
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
  return app;
}
