export * from './build-federated-schema';
export * from './entity-keys';
export * from './merged-fetch';
