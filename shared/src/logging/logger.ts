import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * One JSON line per event on stdout, each with the service name; request-scoped loggers add
 * `requestId` (see `REQUEST_ID_HEADER`), so one request can be followed through every service.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.idNumber', '*.phone'], censor: '[redacted]' },
  });
}

/** The header that carries the request id from the gateway to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** A caller's request id when it looks like one, otherwise a new one (ids end up in logs: no free text). */
export function requestIdFrom(header: string | string[] | undefined, make: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID_PATTERN.test(value) ? value : make();
}
