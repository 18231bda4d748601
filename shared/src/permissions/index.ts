export * from './data-class';
export * from './unclassified-fields';
