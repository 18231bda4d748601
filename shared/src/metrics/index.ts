export * from './department-call-metrics';
export * from './metrics-config';
export * from './metrics-server';
export * from './operation-names';
export * from './request-metrics';
export * from './service-metrics';
export * from './subgraph-metrics';
