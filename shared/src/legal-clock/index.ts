export * from './dates';
export * from './deadlines';
export * from './court-periods';
export * from './state-machine';
export * from './step-by-step';
export * from './date-order';
export * from './clock';
