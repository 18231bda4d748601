export * from './date.scalar';
export * from './decimal.scalar';
