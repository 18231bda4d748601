export * from './channel-grant-cache';
export * from './channel-grants';
export * from './field-catalogue';
export * from './polling-grant-source';
export * from './scope-catalogue';
