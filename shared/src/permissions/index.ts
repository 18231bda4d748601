export * from './access-recorder';
export * from './apply-permissions';
export * from './cross-department';
export * from './data-class';
export * from './decide-field-access';
export * from './grants';
export * from './mask';
export * from './unclassified-fields';
