export * from './date-range';
export * from './filter-access';
export * from './newest-first-page';
export * from './filter-uses';
export * from './filter-fields';
export * from './list-args';
export * from './list-page';
export * from './record-queries';
