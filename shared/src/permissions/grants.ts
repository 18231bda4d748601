import type { Department } from '../context/principal';

/** The fields another department may read through active sharing channels: `'Type.field'` → the channel that allows it. */
export type Grants = ReadonlyMap<string, { channelId: string }>;

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

/** Grants of each consumer department, as `{ UNION: { 'Type.field': 'channel-id' } }`; for tests and benchmarks. */
export type StaticGrants = Partial<Record<Department, Record<string, string>>>;

/** A fixed GrantSource (tests, benchmarks): a department not listed has no grants (an empty map, not UNAVAILABLE). */
export function staticGrantSource(grants: StaticGrants): GrantSource {
  const byConsumer = new Map<Department, Grants>();
  for (const [consumer, fields] of Object.entries(grants) as Array<[Department, Record<string, string>]>) {
    byConsumer.set(consumer, new Map(Object.entries(fields).map(([field, channelId]) => [field, { channelId }])));
  }
  const none: Grants = new Map();
  return { grantsFor: (consumer) => byConsumer.get(consumer) ?? none };
}
