import { wrap } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertTransition,
  BACKGROUND_QUERY,
  BadUserInputError,
  ConflictError,
  consumerViolations,
  grantViolations,
  insertOrConflict,
  scopeViolations,
  ProviderChannelStatus,
  sizeWithin,
  updateVersioned,
  type ChannelContent,
  type ChannelDecision,
  type Department,
  type Principal,
  type ProviderChannelView,
  type TransitionTable,
  type Violation,
} from '@labour/shared';
import { assertProviderAdmin } from './channel-access';
import { SHARING_CHANNELS_BOUND, type SharingChannelsArgs } from './channel.args';
import type { ProposeSharingChannelInput, SharingChannelDecisionInput } from './channel.input';
import { ChannelEffectiveStatus, ChannelStatus, SharingChannel } from './sharing-channel.entity';
import { actingOfficial } from '../common/acting-official';

const { PROPOSED, ACTIVE, SUSPENDED, REVOKED } = ChannelStatus;

/** A proposal is activated or turned down (revoked); a suspended channel may come back; a revoked one never. */
const CHANNEL_TRANSITIONS: TransitionTable<ChannelStatus> = {
  [PROPOSED]: [ACTIVE, REVOKED],
  [ACTIVE]: [SUSPENDED, REVOKED],
  [SUSPENDED]: [ACTIVE, REVOKED],
  [REVOKED]: [],
};

export async function proposeSharingChannel(
  em: EntityManager,
  input: ProposeSharingChannelInput,
  principal: Principal | null,
  today: string,
): Promise<SharingChannel> {
  const proposer = assertProviderAdmin(principal, input.provider, 'propose');
  const violations: Violation[] = [
    ...consumerViolations(input.provider, input.consumers),
    ...grantViolations(input.provider, input.grants),
    ...scopeViolations(input.provider, input.scope, input.grants),
  ];
  if (input.validUntil != null && input.validUntil < today) {
    violations.push({ field: 'validUntil', rule: `must not be in the past (today is ${today}): such a channel would grant nothing` });
  }
  if (violations.length) throw new BadUserInputError(violations);
  const created = em.create(SharingChannel, {
    code: input.code,
    provider: input.provider,
    consumers: [...input.consumers],
    grants: input.grants.map((g) => ({ typeName: g.typeName, fields: [...g.fields] })),
    scope: input.scope,
    purpose: input.purpose.trim(),
    legalBasis: input.legalBasis.trim(),
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    status: PROPOSED,
    proposedBy: actingOfficial(proposer),
  });
  return insertOrConflict(em, created, 'A sharing channel');
}

const VERBS: Record<Exclude<ChannelStatus, typeof PROPOSED>, string> = {
  [ACTIVE]: 'activate',
  [SUSPENDED]: 'suspend',
  [REVOKED]: 'revoke',
};

/** The registry's bookkeeping of a row; everything else is the channel's content, which the provider records. */
const NOT_CONTENT: ReadonlySet<string> = new Set([
  'id',
  'code',
  'provider',
  'status',
  'proposedBy',
  'decidedBy',
  'decidedAt',
  'decisionReason',
  'version',
  'createdAt',
  'updatedAt',
]);

/**
 * A registry row's content as the provider records it: every column but the bookkeeping, so a content
 * field added to the registry later (e.g. a scope) reaches the provider's record without a change here.
 */
export function contentOf(channel: SharingChannel): ChannelContent {
  const all = wrap(channel).toObject() as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([key]) => !NOT_CONTENT.has(key))) as ChannelContent;
}

/** Where a decision is recorded first: the provider's own table, in its own subgraph (or the union's, for its own channels). */
export type RecordAtProvider = (decision: ChannelDecision) => Promise<ProviderChannelView>;

/**
 * Activates, suspends or revokes a channel, as an ADMIN of its provider, at the version the caller read.
 * The registry checks what it can (the caller, the version, the transition, expiry, the catalogue), then
 * the provider decides: `recordAtProvider` forwards the decision with the caller's own token, and the
 * provider verifies it, checks the content and records it in its own table, which is what it enforces.
 * Only then does the registry row change. A provider that refuses or cannot be reached leaves the row as
 * it was (the caller gets the provider's error, or DEPARTMENT_UNAVAILABLE). Should the registry's write
 * fail after the provider recorded, the provider's record stands, and deciding again (idempotent at the
 * provider) brings the row in line.
 * Activation also checks that the channel's scope covers its fields (a channel agreed before channels had
 * scopes cannot be activated again: propose it anew with one).
 */
export async function decideSharingChannel(
  em: EntityManager,
  input: SharingChannelDecisionInput,
  to: Exclude<ChannelStatus, typeof PROPOSED>,
  principal: Principal | null,
  today: string,
  recordAtProvider: RecordAtProvider,
): Promise<SharingChannel> {
  const found = await em.findOneOrFail(SharingChannel, { code: input.code });
  assertProviderAdmin(principal, found.provider, VERBS[to]);
  const describe = `Sharing channel ${input.code}`;
  // Checked before the provider is asked, so that a stale or illegal decision is recorded nowhere.
  if (found.version !== input.version) {
    throw new ConflictError(`${describe} is at version ${found.version}, not ${input.version}: read it again and reapply your change`, {
      currentVersion: found.version,
    });
  }
  assertTransition(CHANNEL_TRANSITIONS, found.status, to);
  if (to === ACTIVE) {
    if (found.validUntil !== null && found.validUntil < today) {
      throw new BadUserInputError({
        field: 'code',
        rule: `expired on ${found.validUntil}: an expired channel cannot be activated; propose a new one`,
      });
    }
    const violations = [...grantViolations(found.provider, found.grants), ...scopeViolations(found.provider, found.scope, found.grants)];
    if (violations.length) throw new BadUserInputError(violations);
  }
  const reason = input.reason?.trim() || null;
  const recorded = await recordAtProvider({
    code: found.code,
    provider: found.provider,
    status: to as unknown as ProviderChannelStatus,
    reason,
    content: contentOf(found),
  });
  return updateVersioned(
    em,
    found,
    input.version,
    (channel) => {
      channel.status = to;
      // As the provider recorded it: the same official (from the same token) and the same moment.
      channel.decidedBy = { ...recorded.decidedBy };
      channel.decidedAt = new Date(recorded.decidedAt);
      channel.decisionReason = recorded.decisionReason;
    },
    describe,
  );
}

/** The filter for channels whose effective status today is `status`. */
function effectiveStatusFilter(status: ChannelEffectiveStatus, today: string): FilterQuery<SharingChannel> {
  if (status === ChannelEffectiveStatus.EXPIRED) return { status: { $ne: REVOKED }, validUntil: { $lt: today } };
  if (status === ChannelEffectiveStatus.REVOKED) return { status: REVOKED };
  return { status: status as unknown as ChannelStatus, $or: [{ validUntil: null }, { validUntil: { $gte: today } }] };
}

export function listSharingChannels(em: EntityManager, args: SharingChannelsArgs, today: string): Promise<SharingChannel[]> {
  const where: FilterQuery<SharingChannel>[] = [];
  if (args.provider) where.push({ provider: args.provider });
  if (args.consumer) where.push({ consumers: { $contains: [args.consumer] } });
  if (args.status) where.push(effectiveStatusFilter(args.status, today));
  return em.find(SharingChannel, where.length ? { $and: where } : {}, {
    orderBy: { provider: 'asc', code: 'asc' },
    limit: sizeWithin(SHARING_CHANNELS_BOUND, args.first),
  });
}

/**
 * The most channels in force one provider enforces. A provider has a few; should one ever have more,
 * those after the first 1000 by code grant nothing (fail closed), the same in every subgraph.
 */
export const MAX_CHANNELS_IN_FORCE = 1000;

/**
 * The provider's channels that grant today: ACTIVE, and today within validFrom … validUntil.
 * `background`: the union's own polling, which is no request's and so not counted as one's statements.
 */
export function channelsInForce(em: EntityManager, provider: Department, today: string, background = false): Promise<SharingChannel[]> {
  return em.find(
    SharingChannel,
    { provider, status: ACTIVE, validFrom: { $lte: today }, $or: [{ validUntil: null }, { validUntil: { $gte: today } }] },
    { orderBy: { code: 'asc' }, limit: MAX_CHANNELS_IN_FORCE, ...(background ? { loggerContext: { [BACKGROUND_QUERY]: true } } : {}) },
  );
}
