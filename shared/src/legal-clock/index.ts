export * from './dates';
export * from './deadlines';
export * from './court-periods';
export * from './state-machine';
export * from './date-order';
export * from './clock';
