export * from './principal';
export * from './request-context';
// Side effect: Department and Role become GraphQL enums for the types that show them.
import './principal.graphql';
