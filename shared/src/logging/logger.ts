import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * One JSON line per event on stdout, each with the service name; request-scoped loggers add
 * `requestId` (see `REQUEST_ID_HEADER`), so one request can be followed through every service. A line
 * written while a request is traced also carries its `traceId` and `spanId` (traceContextOfLine).
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service },
    mixin: traceContextOfLine,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.idNumber', '*.phone'], censor: '[redacted]' },
  });
}

/** The header that carries the request id from the gateway to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a request id may look like: it ends up in logs, so no free text. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * A caller's request id when it looks like one, otherwise a new one (ids end up in logs: no free text).
 * With `maxIds` above 1 (a subgraph: the gateway merges fetches of up to that many client requests of one
 * caller into one request), the header may list that many ids separated by commas, each as above.
 */
export function requestIdFrom(header: string | string[] | undefined, make: () => string, maxIds = 1): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return make();
  const ids = value.split(',');
  return ids.length <= maxIds && ids.every((id) => REQUEST_ID_PATTERN.test(id)) ? value : make();
}

/**
 * The trace of the span active where a line is written (OpenTelemetry's context, shared/src/telemetry):
 * `{ traceId, spanId }`, the same trace id in the gateway's and every subgraph's lines of one request;
 * nothing when nothing is traced (tracing off, or a line outside any request).
 */
export function traceContextOfLine(): { traceId?: string; spanId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}
