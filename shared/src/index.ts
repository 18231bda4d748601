import 'reflect-metadata';

export * from './access-log';
export * from './auth';
export * from './channels';
export * from './config';
export * from './context';
export * from './db';
export * from './errors';
export * from './federation';
export * from './ids';
export * from './indicators';
export * from './inputs';
export * from './legal-clock';
export * from './limits';
export * from './logging';
export * from './loaders';
export * from './metrics';
export * from './lists';
export * from './pagination';
export * from './parties';
export * from './permissions';
export * from './resilience';
export * from './risk';
export * from './scalars';
export * from './server';
// Only what the services' code uses; the SDK itself (./telemetry/tracing) is loaded by the preload, telemetry/preload.ts.
export { activeTraceId, stopTracing, TRACE_RESPONSE_HEADER, traceResponseHeader } from './telemetry/light';
export * from './validation';
