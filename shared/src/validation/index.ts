export * from './rule';
export * from './identifier-rules';
export * from './value-rules';
export * from './validate-input';
export * from './validation-day';
