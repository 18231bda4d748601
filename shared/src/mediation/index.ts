export * from './mediation-case-list';
