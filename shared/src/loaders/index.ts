export * from './batch-loaders';
