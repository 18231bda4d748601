export * from './party.type';
export * from './party.input';
export * from './to-party';
