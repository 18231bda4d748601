import { bounded, capped, CrossDepartment, inForceOn, ListCap, Public, SCOPE_KINDS } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { assertProviderSystem, signedIn } from './channel-access';
import {
  ActiveSharingGrantsArgs,
  ChannelScopeKindsArgs,
  SHARING_CHANNELS_BOUND,
  SharingChannelCodeArgs,
  SharingChannelsArgs,
} from './channel.args';
import { ProposeSharingChannelInput, SharingChannelDecisionInput } from './channel.input';
import {
  channelsInForce,
  decideSharingChannel,
  listSharingChannels,
  MAX_CHANNELS_IN_FORCE,
  proposeSharingChannel,
} from './channel.service';
import { ProviderChannelRecord, providerAgrees, providerRecordOf, recordAtProviderFor } from './provider-record';
import { ChannelEffectiveStatus, ChannelScopeKind, ChannelStatus, effectiveStatusOf, SharingChannel } from './sharing-channel.entity';

/**
 * The registry of sharing channels (信息共享渠道), kept by the union subgraph beside the joint meetings
 * that agree them: an index for proposing and listing. Its mutations are open to every department's
 * writers in the permission layer (`@CrossDepartment()`); the resolvers let only an ADMIN of the
 * channel's provider propose or decide, and a decision is recorded by the provider itself first (its own
 * table is what it enforces), with the caller's own token.
 */
@Resolver(() => SharingChannel)
export class SharingChannelResolver {
  @Query(() => [SharingChannel], {
    description: bounded(
      'Sharing channels, by provider, then code; filters combine. Any authenticated caller may read the registry.',
      SHARING_CHANNELS_BOUND,
    ),
  })
  @Public()
  sharingChannels(@Args() args: SharingChannelsArgs, @Ctx() ctx: UnionRequestContext) {
    signedIn(ctx.principal);
    return listSharingChannels(ctx.em, args, ctx.today);
  }

  @Query(() => SharingChannel, { nullable: true, description: 'A sharing channel by its code; null when there is none.' })
  @Public()
  sharingChannel(@Args() { code }: SharingChannelCodeArgs, @Ctx() ctx: UnionRequestContext) {
    signedIn(ctx.principal);
    return ctx.em.findOne(SharingChannel, { code });
  }

  @Query(() => [ChannelScopeKind], {
    description: capped(
      'The scope kinds (共享范围) a channel may name, by provider: which records of which types each covers. Any authenticated caller may read them.',
      50,
      'the catalogue has no more',
    ),
  })
  @Public()
  @ListCap(50)
  channelScopeKinds(@Args() { provider }: ChannelScopeKindsArgs, @Ctx() ctx: UnionRequestContext): ChannelScopeKind[] {
    signedIn(ctx.principal);
    return SCOPE_KINDS.filter((kind) => !provider || kind.provider === provider) as ChannelScopeKind[];
  }

  @Query(() => [SharingChannel], {
    description: capped(
      "The provider's channels in force today according to the registry (ACTIVE, within their validity window), with their grants. Its subgraph enforces its own record of them (see SharingChannel.providerRecord), not this list. For a SERVICE or ADMIN principal of that provider.",
      MAX_CHANNELS_IN_FORCE,
      'by code; any further ones grant nothing',
    ),
  })
  @Public()
  @ListCap(MAX_CHANNELS_IN_FORCE)
  activeSharingGrants(@Args() { provider }: ActiveSharingGrantsArgs, @Ctx() ctx: UnionRequestContext) {
    assertProviderSystem(ctx.principal, provider);
    return channelsInForce(ctx.em, provider, ctx.today);
  }

  @Mutation(() => SharingChannel, {
    description: "Proposes a sharing channel of the caller's department (PROPOSED). Only an ADMIN of the provider department.",
  })
  @CrossDepartment()
  proposeSharingChannel(@Arg('input', INPUT_ARG) input: ProposeSharingChannelInput, @Ctx() ctx: UnionRequestContext) {
    return proposeSharingChannel(ctx.em, input, ctx.principal, ctx.today);
  }

  @Mutation(() => SharingChannel, {
    description:
      "Puts a proposed or suspended channel in force (ACTIVE). Only an ADMIN of its provider; never a revoked or expired one. The provider subgraph records the decision first, with the caller's token (its record is what it enforces); if it refuses or cannot be reached, nothing changes here.",
  })
  @CrossDepartment()
  activateSharingChannel(@Arg('input', INPUT_ARG) input: SharingChannelDecisionInput, @Ctx() ctx: UnionRequestContext) {
    return decideSharingChannel(ctx.em, input, ChannelStatus.ACTIVE, ctx.principal, ctx.today, recordAtProviderFor(ctx));
  }

  @Mutation(() => SharingChannel, {
    description: 'Suspends an active channel (SUSPENDED): it grants nothing until activated again. Only an ADMIN of its provider.',
  })
  @CrossDepartment()
  suspendSharingChannel(@Arg('input', INPUT_ARG) input: SharingChannelDecisionInput, @Ctx() ctx: UnionRequestContext) {
    return decideSharingChannel(ctx.em, input, ChannelStatus.SUSPENDED, ctx.principal, ctx.today, recordAtProviderFor(ctx));
  }

  @Mutation(() => SharingChannel, {
    description: 'Revokes a channel for good (REVOKED), or turns a proposal down. Only an ADMIN of its provider.',
  })
  @CrossDepartment()
  revokeSharingChannel(@Arg('input', INPUT_ARG) input: SharingChannelDecisionInput, @Ctx() ctx: UnionRequestContext) {
    return decideSharingChannel(ctx.em, input, ChannelStatus.REVOKED, ctx.principal, ctx.today, recordAtProviderFor(ctx));
  }

  @FieldResolver(() => ChannelEffectiveStatus, {
    description:
      'What it amounts to today: EXPIRED once validUntil has passed, else the decided status. An expired channel grants nothing, whatever its status.',
  })
  @Public()
  effectiveStatus(@Root() channel: SharingChannel, @Ctx() ctx: UnionRequestContext): ChannelEffectiveStatus {
    return effectiveStatusOf(channel, ctx.today);
  }

  @FieldResolver(() => Boolean, { description: 'Whether it grants today: ACTIVE and today within validFrom … validUntil.' })
  @Public()
  inForce(@Root() channel: SharingChannel, @Ctx() ctx: UnionRequestContext): boolean {
    return channel.status === ChannelStatus.ACTIVE && inForceOn(channel, ctx.today);
  }

  @FieldResolver(() => ProviderChannelRecord, {
    nullable: true,
    description:
      "The provider's own record of this channel, asked of the provider's subgraph: what it enforces. Null while the provider has recorded no decision on it; null with DEPARTMENT_UNAVAILABLE when the provider cannot be asked.",
  })
  @Public()
  providerRecord(@Root() channel: SharingChannel, @Ctx() ctx: UnionRequestContext): Promise<ProviderChannelRecord | null> {
    return providerRecordOf(ctx, channel);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the provider's own record says what this registry row says (the same status and content; no record while PROPOSED). False: the row is not what the provider decided, and the provider enforces its own record. Null with DEPARTMENT_UNAVAILABLE when the provider cannot be asked.",
  })
  @Public()
  providerAgrees(@Root() channel: SharingChannel, @Ctx() ctx: UnionRequestContext): Promise<boolean> {
    return providerAgrees(ctx, channel);
  }
}
