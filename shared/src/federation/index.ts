export * from './build-federated-schema';
export * from './entity-keys';
