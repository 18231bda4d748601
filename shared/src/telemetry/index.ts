export * from './active-tracing';
export * from './service-name';
export * from './telemetry-config';
export * from './tracing';
export * from './trace-response';
