import type { Department } from '../context/principal';
import type { ChannelGrant, FieldGrant, Grants } from '../permissions/grants';

/** What a provider keeps of one channel in force: enough to answer `grantsFor` until its validity ends. */
export interface ChannelInForce {
  /** The channel's code (e.g. `HR-UNION-ARREARS`): the `channelId` the access log records. */
  code: string;
  consumers: readonly Department[];
  grants: ReadonlyArray<{ typeName: string; fields: readonly string[] }>;
  /**
   * The scope kind of the records it grants its fields for (scope-catalogue.ts). Null for a channel agreed
   * before channels had scopes: it grants nothing until it is proposed again with one.
   */
  scope: string | null;
  /** First and last day (inclusive, China time) the channel grants anything; no last day when open-ended. */
  validFrom: string;
  validUntil: string | null;
}

/** Whether a channel grants on `today` (YYYY-MM-DD, China time): an expired channel stops by itself. */
export function inForceOn(channel: Pick<ChannelInForce, 'validFrom' | 'validUntil'>, today: string): boolean {
  return channel.validFrom <= today && (channel.validUntil === null || channel.validUntil >= today);
}

/**
 * Each consumer department's grants on `today`: `'Type.field'` → the channels allowing it, each with its
 * scope. When several channels grant the same field, the one whose code sorts first is named first and the
 * others follow in `also`, by code, so the answer is stable. A channel without a scope grants nothing.
 */
export function grantsByConsumer(channels: readonly ChannelInForce[], today: string): Map<Department, Grants> {
  const table = new Map<Department, Map<string, FieldGrant>>();
  const ordered = [...channels]
    .filter((c) => c.scope !== null && inForceOn(c, today))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const channel of ordered) {
    const allowed: ChannelGrant = { channelId: channel.code, scope: channel.scope! };
    for (const consumer of channel.consumers) {
      let grants = table.get(consumer);
      if (!grants) table.set(consumer, (grants = new Map()));
      for (const grant of channel.grants) {
        for (const field of grant.fields) {
          const key = `${grant.typeName}.${field}`;
          const first = grants.get(key);
          grants.set(key, first ? { ...first, also: [...(first.also ?? []), allowed] } : allowed);
        }
      }
    }
  }
  return table;
}
