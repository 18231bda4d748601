import { consumerViolations, grantViolations, scopeViolations } from './grant-rules';
import { DEMO_CHANNELS } from './demo-channels';

describe('demo sharing channels', () => {
  it.each(DEMO_CHANNELS.map((c) => [c.code, c] as const))(
    '%s grants only SHARED or PERSONAL fields of its provider to other departments, within a scope of its provider',
    (_code, channel) => {
      expect([
        ...consumerViolations(channel.provider, channel.consumers),
        ...grantViolations(channel.provider, channel.grants),
        ...scopeViolations(channel.provider, channel.scope, channel.grants),
      ]).toEqual([]);
    },
  );
});
