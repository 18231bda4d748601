export * from './department-errors';
export * from './department-guard';
