export * from './auth-config';
export * from './key-binding';
export * from './key-files';
export * from './mint-token';
export * from './service-token';
export * from './signing-key';
export * from './token-claims';
export * from './token-cache';
export * from './token-lifetime';
export * from './token-verifier';
// The vocabulary of the claims, for callers that import only this module (the launcher's token command).
export { Department, Role, type Principal } from '../context/principal';
