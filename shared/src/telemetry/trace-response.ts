import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

/** The response header naming the trace a request was recorded under (W3C Trace Context Level 2). */
export const TRACE_RESPONSE_HEADER = 'traceresponse';

/** The trace id of the span active here (32 hex digits), or undefined when nothing is traced. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const spanContext = span?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Answers every traced request with `traceresponse: 00-<trace id>-<span id>-<flags>`, the request's own
 * server span: a caller quotes it to find the request's trace (and, by its trace id, its log lines).
 */
export const traceResponseHeader: RequestHandler = (_req, res, next) => {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    res.setHeader(TRACE_RESPONSE_HEADER, `00-${spanContext.traceId}-${spanContext.spanId}-0${spanContext.traceFlags & 1}`);
  }
  next();
};
