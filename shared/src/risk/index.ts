export * from './risk-signal';
export * from './risk-signal.resolver';
export * from './signal-rows';
