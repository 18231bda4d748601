export * from './query-counter';
export * from './create-orm';
export * from './base-record';
export * from './optimistic-update';
export * from './bulk-insert';
export * from './clear-tables';
export * from './unique-conflict';
