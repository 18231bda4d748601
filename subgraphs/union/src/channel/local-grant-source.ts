import type { MikroORM } from '@mikro-orm/postgresql';
import { createPollingGrantSource, Department, type ChannelGrantSource, type Clock, type Logger } from '@labour/shared';
import { channelsInForce, toChannelInForce } from './channel.service';

/**
 * The union's own grants: the registry is its table, so it reads it directly (no HTTP to itself), on
 * the same schedule and with the same fail-closed staleness as the other departments' caches.
 */
export function createLocalGrantSource(orm: MikroORM, options: { refreshMs?: number; staleAfterMs?: number; logger: Logger; clock: Clock }): ChannelGrantSource {
  return createPollingGrantSource({
    provider: Department.UNION,
    load: async () => (await channelsInForce(orm.em.fork(), Department.UNION, options.clock.today(), true)).map(toChannelInForce),
    refreshMs: options.refreshMs,
    staleAfterMs: options.staleAfterMs,
    logger: options.logger,
    today: options.clock.today,
    from: 'the sharing_channel table',
  });
}
