export * from './estimated-cost';
export * from './operation-limits';
export * from './operation-limits.plugin';
