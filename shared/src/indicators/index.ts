export * from './build-indicator';
export * from './disclosure';
export * from './indicator.types';
export * from './period';
