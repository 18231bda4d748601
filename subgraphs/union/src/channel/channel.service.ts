import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  assertTransition,
  BACKGROUND_QUERY,
  BadUserInputError,
  insertOrConflict,
  NotFoundError,
  sizeWithin,
  updateVersioned,
  type ChannelInForce,
  type Department,
  type Principal,
  type TransitionTable,
  type Violation,
} from '@labour/shared';
import { assertProviderAdmin } from './channel-access';
import { SHARING_CHANNELS_BOUND, type SharingChannelsArgs } from './channel.args';
import type { ProposeSharingChannelInput, SharingChannelDecisionInput } from './channel.input';
import { consumerViolations, grantViolations, scopeViolations } from './grant-rules';
import { ChannelEffectiveStatus, ChannelStatus, SharingChannel } from './sharing-channel.entity';
import { actingOfficial } from '../common/acting-official';

const { PROPOSED, ACTIVE, SUSPENDED, REVOKED } = ChannelStatus;

/** A proposal is activated or turned down (revoked); a suspended channel may come back; a revoked one never. */
export const CHANNEL_TRANSITIONS: TransitionTable<ChannelStatus> = {
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

const VERBS: Record<Exclude<ChannelStatus, typeof PROPOSED>, string> = { [ACTIVE]: 'activate', [SUSPENDED]: 'suspend', [REVOKED]: 'revoke' };

/**
 * Activates, suspends or revokes a channel, as an ADMIN of its provider, at the version the caller read.
 * Activation checks the channel again: it must not have expired, its fields must still be SHARED or
 * PERSONAL (a field may have been reclassified since the proposal), and its scope must cover them (a
 * channel agreed before channels had scopes cannot be activated again: propose it anew with one).
 */
export async function decideSharingChannel(
  em: EntityManager,
  input: SharingChannelDecisionInput,
  to: Exclude<ChannelStatus, typeof PROPOSED>,
  principal: Principal | null,
  today: string,
): Promise<SharingChannel> {
  const found = await em.findOne(SharingChannel, { code: input.code });
  if (!found) throw new NotFoundError('Sharing channel', input.code);
  const decider = assertProviderAdmin(principal, found.provider, VERBS[to]);
  return updateVersioned(em, found, input.version, (channel) => {
    assertTransition(CHANNEL_TRANSITIONS, channel.status, to);
    if (to === ACTIVE) {
      if (channel.validUntil !== null && channel.validUntil < today) {
        throw new BadUserInputError({ field: 'code', rule: `expired on ${channel.validUntil}: an expired channel cannot be activated; propose a new one` });
      }
      const violations = [...grantViolations(channel.provider, channel.grants), ...scopeViolations(channel.provider, channel.scope, channel.grants)];
      if (violations.length) throw new BadUserInputError(violations);
    }
    channel.status = to;
    channel.decidedBy = actingOfficial(decider);
    channel.decidedAt = new Date();
    channel.decisionReason = input.reason?.trim() || null;
  }, `Sharing channel ${input.code}`);
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
  return em.find(SharingChannel, where.length ? { $and: where } : {}, { orderBy: { provider: 'asc', code: 'asc' }, limit: sizeWithin(SHARING_CHANNELS_BOUND, args.first) });
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

/** What a grant source keeps of a channel. */
export function toChannelInForce(channel: SharingChannel): ChannelInForce {
  return {
    code: channel.code,
    consumers: channel.consumers,
    grants: channel.grants,
    scope: channel.scope,
    validFrom: channel.validFrom,
    validUntil: channel.validUntil,
  };
}
