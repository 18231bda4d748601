export * from './department-errors';
export * from './department-guard';
export * from './post-to-department';
