import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { ErrorCode } from '../errors';
import { requestIdOf } from './request-id';

/**
 * Answers an HTTP-level refusal the way GraphQL answers every other error: a JSON body with one error
 * and its catalogue code, never Express's HTML page (which carries the stack and our file paths).
 */
export function sendRequestError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** "256 KiB" for 262144: the limits are configured in KiB or MiB, and a client should see them so. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Refuses a POST whose body is not `application/json` with 415, before it is read.
 *
 * Apollo Server would otherwise answer such a body in three different ways: text/plain, forms and
 * multipart get its CSRF refusal (400), other types "POST body missing" (400), and with a preflight
 * header text/plain gets the latter too. One answer is clearer, and it keeps the CSRF protection: the
 * only bodies a browser sends cross-site without a preflight are exactly these types, and none of them
 * reaches GraphQL. (GET, which has no body, is still checked by Apollo's own CSRF prevention.)
 * `req.is` answers null for a POST without a body: that one goes on and Apollo says the body is missing.
 * `refused` is told of each refusal (metrics).
 */
export function requireJsonBodyOf(refused?: (code: ErrorCode) => void): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST' && req.is('application/json') === false) {
      refused?.('UNSUPPORTED_MEDIA_TYPE');
      sendRequestError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'A GraphQL request is a JSON body: send it with Content-Type: application/json');
      return;
    }
    next();
  };
}

/** `requireJsonBodyOf` telling no one of its refusals. */
export const requireJsonBody: RequestHandler = requireJsonBodyOf();

/** The shape of the errors body-parser (http-errors) raises. */
interface BodyError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  limit?: number;
}

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * What a client is told about an error in reading its request, or null when the fault is ours. The
 * messages are written here, never body-parser's, which quote the body back and name its internals.
 */
export function refusalFor(error: unknown): Refusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, limit, expose } = error as BodyError;
  const status = (error as BodyError).status ?? (error as BodyError).statusCode;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not a valid JSON object' };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than this service's limit of ${describeBytes(limit!)}`,
        extensions: { limitBytes: limit },
      };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be JSON in UTF-8' };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body must be sent uncompressed, or with Content-Encoding gzip, deflate or br',
      };
  }
  // Anything else the client caused (a broken gzip stream, a wrong Content-Length, an aborted upload).
  if (expose && status !== undefined && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: 'The request body could not be read' };
  }
  return null;
}

/** Reads a JSON body of at most `limit` (e.g. '256kb'); its errors go to `jsonErrorHandler`. */
export function parseJsonBody(limit: string): RequestHandler {
  return express.json({ limit });
}

/** The last route of every service: an unknown path is answered in JSON too. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  sendRequestError(res, 404, 'NOT_FOUND', 'Nothing is served here: GraphQL is at /graphql, health at /health and /ready');
};

/**
 * The last error handler of every service, in place of Express's own HTML page: a request error is
 * answered with its status and a catalogue code; anything else is logged in full and answered with a
 * bare INTERNAL_SERVER_ERROR, as `maskInternalErrors` does for GraphQL errors.
 */
export function jsonErrorHandler(logger: Logger, refused?: (code: ErrorCode) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    // Part of an answer is already on the wire: Express can only cut the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(req);
    const refusal = refusalFor(error);
    if (refusal) {
      logger.info({ requestId, status: refusal.status, code: refusal.code }, `request refused: ${refusal.message}`);
      refused?.(refusal.code);
      sendRequestError(res, refusal.status, refusal.code, refusal.message, refusal.extensions);
      return;
    }
    logger.error({ err: error, requestId }, 'internal error outside GraphQL');
    sendRequestError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
