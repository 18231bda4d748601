import type { Department } from '../context/principal';
import type { Grants } from '../permissions/grants';

/** What a provider keeps of one channel in force: enough to answer `grantsFor` until its validity ends. */
export interface ChannelInForce {
  /** The channel's code (e.g. `HR-UNION-ARREARS`): the `channelId` the access log records. */
  code: string;
  consumers: readonly Department[];
  grants: ReadonlyArray<{ typeName: string; fields: readonly string[] }>;
  /** First and last day (inclusive, China time) the channel grants anything; no last day when open-ended. */
  validFrom: string;
  validUntil: string | null;
}

/** Whether a channel grants on `today` (YYYY-MM-DD, China time): an expired channel stops by itself. */
export function inForceOn(channel: Pick<ChannelInForce, 'validFrom' | 'validUntil'>, today: string): boolean {
  return channel.validFrom <= today && (channel.validUntil === null || channel.validUntil >= today);
}

/**
 * Each consumer department's grants on `today`: `'Type.field'` → the channel allowing it. When two
 * channels grant the same field, the one whose code sorts first is named, so the answer is stable.
 */
export function grantsByConsumer(channels: readonly ChannelInForce[], today: string): Map<Department, Grants> {
  const table = new Map<Department, Map<string, { channelId: string }>>();
  const ordered = [...channels].filter((c) => inForceOn(c, today)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const channel of ordered) {
    const allowed = { channelId: channel.code };
    for (const consumer of channel.consumers) {
      let grants = table.get(consumer);
      if (!grants) table.set(consumer, (grants = new Map()));
      for (const grant of channel.grants) {
        for (const field of grant.fields) {
          const key = `${grant.typeName}.${field}`;
          if (!grants.has(key)) grants.set(key, allowed);
        }
      }
    }
  }
  return table;
}
