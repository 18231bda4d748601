import 'reflect-metadata';

export * from './config';
export * from './context';
export * from './db';
export * from './errors';
export * from './federation';
export * from './ids';
export * from './legal-clock';
export * from './logging';
export * from './loaders';
export * from './pagination';
export * from './parties';
export * from './permissions';
export * from './scalars';
export * from './server';
export * from './validation';
