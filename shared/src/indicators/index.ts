export * from './build-indicator';
export * from './indicator.types';
export * from './period';
