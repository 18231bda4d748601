// What a service's own code needs of tracing, without loading the SDK (see preload.ts).
export { stopTracing } from './active-tracing';
export { activeTraceId, TRACE_RESPONSE_HEADER, traceResponseHeader } from './trace-response';
