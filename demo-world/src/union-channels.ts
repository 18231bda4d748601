import { DEMO_CHANNEL_ADMINS, DEMO_CHANNELS, demoChannelValidity } from '@labour/shared';
import type { SharingChannel } from '../../subgraphs/union/src/channel/sharing-channel.entity';
import type { EntityRow, IsoDate } from './world.types';

/** A channel as the union's registry lists it; the loader stamps when it was decided. */
export type DemoSharingChannel = EntityRow<SharingChannel, 'scopeKind' | 'proposedAt' | 'changedAt' | 'decidedAt' | 'decisionReason'>;

/**
 * The demo channels as the registry lists them, all ACTIVE (in force from New Year of the demo year until
 * the end of the year after next). The registry only lists them: each provider's own demo loader records
 * the same channels as its ADMIN decided them (`loadOwnDemoChannels`), and that record is what grants.
 */
export function demoSharingChannels(asOf: IsoDate): DemoSharingChannel[] {
  return DEMO_CHANNELS.map((channel) => ({
    ...structuredClone(channel),
    ...demoChannelValidity(asOf),
    status: 'ACTIVE',
    proposedBy: DEMO_CHANNEL_ADMINS[channel.provider],
    decidedBy: DEMO_CHANNEL_ADMINS[channel.provider],
  }));
}
