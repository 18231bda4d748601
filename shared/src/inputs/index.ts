export * from './case-version.input';
export * from './input-fields';
