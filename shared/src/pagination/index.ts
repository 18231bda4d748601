export * from './connection';
export * from './list-bound';
