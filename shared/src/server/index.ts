export * from './http-server';
export * from './service-app';
export * from './subgraph-server';
export * from './request-logging.plugin';
export * from './require-token';
export * from './department-subgraph';
export * from './run-subgraph';
export * from './shutdown';
