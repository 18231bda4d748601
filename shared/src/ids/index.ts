export * from './uscc';
export * from './id-number';
export * from './person-ref';
export * from './case-numbers';
