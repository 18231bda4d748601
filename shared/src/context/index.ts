export * from './principal';
export * from './request-context';
