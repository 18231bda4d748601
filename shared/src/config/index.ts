export * from './load-config';
export * from './subgraph-config';
