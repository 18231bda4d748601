export * from './error-codes';
export * from './app-errors';
export * from './format-error';
