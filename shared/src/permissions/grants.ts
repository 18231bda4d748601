import type { Department } from '../context/principal';

/** One channel's grant of a field: which channel, and the scope kind of the records it covers. */
export interface ChannelGrant {
  /** The channel's code: what the access log records as the channel that allowed a read. */
  channelId: string;
  /**
   * The scope kind (shared/src/channels/scope-catalogue.ts) whose records the channel grants the field for;
   * absent only in fixed sources of tests and benchmarks, where a grant covers every record.
   */
  scope?: string;
}

/**
 * How a field is granted: by the channel whose code sorts first, and, when several channels grant it, by
 * the others in `also` (a record out of one channel's scope may be in another's).
 */
export interface FieldGrant extends ChannelGrant {
  also?: readonly ChannelGrant[];
}

/** The fields another department may read through active sharing channels: `'Type.field'` → the channels that allow it. */
export type Grants = ReadonlyMap<string, FieldGrant>;

/**
 * Where a provider subgraph learns which of its fields a consumer department may read. `'UNAVAILABLE'`
 * means the registry could not be asked (or the cached copy is too old): the permission layer then fails
 * closed for that consumer (SHARED denied, PERSONAL masked); the provider's own department is unaffected.
 */
export interface GrantSource {
  grantsFor(consumer: Department): Grants | 'UNAVAILABLE';
}

/** The source a subgraph uses until it is given a real one: no channel can be checked, so none grants. */
export const NO_GRANTS_AVAILABLE: GrantSource = { grantsFor: () => 'UNAVAILABLE' };

/**
 * Grants of each consumer department, as `{ UNION: { 'Type.field': 'channel-id' } }` (every record) or
 * `{ UNION: { 'Type.field': { channelId, scope } } }` (the records of a scope kind); for tests and benchmarks.
 */
export type StaticGrants = Partial<Record<Department, Record<string, string | FieldGrant>>>;

/** A fixed GrantSource (tests, benchmarks): a department not listed has no grants (an empty map, not UNAVAILABLE). */
export function staticGrantSource(grants: StaticGrants): GrantSource {
  const byConsumer = new Map<Department, Grants>();
  for (const [consumer, fields] of Object.entries(grants) as Array<[Department, Record<string, string | FieldGrant>]>) {
    byConsumer.set(
      consumer,
      new Map(Object.entries(fields).map(([field, grant]) => [field, typeof grant === 'string' ? { channelId: grant } : grant])),
    );
  }
  const none: Grants = new Map();
  return { grantsFor: (consumer) => byConsumer.get(consumer) ?? none };
}
