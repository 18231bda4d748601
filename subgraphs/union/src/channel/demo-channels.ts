import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_CHANNEL_ADMINS, DEMO_CHANNELS, demoChannelValidity } from '@labour/shared';
import { ChannelStatus, SharingChannel } from './sharing-channel.entity';

/**
 * Loads the demo channels into the registry, all ACTIVE (in force from New Year of the demo year until
 * the end of the year after next). The registry only lists them: each provider's own demo loader records
 * the same channels as its ADMIN decided them (`loadOwnDemoChannels`), and that record is what grants.
 */
export async function loadDemoChannels(em: EntityManager, options: { asOf: string }): Promise<number> {
  const decidedAt = new Date();
  for (const channel of DEMO_CHANNELS) {
    em.create(SharingChannel, {
      ...structuredClone(channel),
      ...demoChannelValidity(options.asOf),
      status: ChannelStatus.ACTIVE,
      proposedBy: DEMO_CHANNEL_ADMINS[channel.provider],
      decidedBy: DEMO_CHANNEL_ADMINS[channel.provider],
      decidedAt,
    });
  }
  await em.flush();
  return DEMO_CHANNELS.length;
}
