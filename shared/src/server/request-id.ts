import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging';

type WithRequestId = Request & { requestId: string };

/**
 * Gives every request an id (the caller's, or one made here) and echoes it back in the response; a
 * request may carry up to `maxIds` ids, comma-separated (see requestIdFrom).
 */
export function assignRequestId(maxIds = 1): RequestHandler {
  return (req, res, next) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER], randomUUID, maxIds);
    (req as WithRequestId).requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The request id of an express request, set by `assignRequestId` (the first middleware of every service). */
export function requestIdOf(req: Request): string {
  return (req as WithRequestId).requestId;
}
