export * from './channel-grants';
export * from './field-catalogue';
export * from './grant-rules';
export * from './polling-grant-source';
export * from './provider-channel.entity';
export * from './provider-channel-routes';
export * from './provider-channels';
export * from './scope-catalogue';
