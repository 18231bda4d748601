import DataLoader from 'dataloader';
import {
  decideAtProvider,
  Department,
  ownChannelRecords,
  Public,
  recordChannelDecision,
  recordsAtProvider,
  sameContent,
  viewOf,
  type ProviderChannelPeer,
  type ProviderChannelView,
} from '@labour/shared';
import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ActingOfficial } from '../common/acting-official';
import type { UnionRequestContext } from '../request-context';
import type { RecordAtProvider } from './channel.service';
import { contentOf } from './channel.service';
import { ChannelStatus, type SharingChannel } from './sharing-channel.entity';

/** The provider's own record of a channel: what the provider subgraph enforces, whatever the registry says. */
@ObjectType('ProviderChannelRecord', {
  description:
    "The provider department's own record of a sharing channel (提供方决定记录), kept in its own database: what its subgraph enforces.",
})
export class ProviderChannelRecord {
  @Field(() => ChannelStatus, { description: 'What the provider decided last: ACTIVE, SUSPENDED or REVOKED.' })
  @Public()
  status: ChannelStatus;

  @Field(() => ActingOfficial, { description: "The provider's ADMIN who decided, as their verified token named them." })
  @Public()
  decidedBy: ActingOfficial;

  @Field(() => GraphQLISODateTime, { description: 'When the provider recorded the decision.' })
  @Public()
  decidedAt: Date;

  @Field(() => String, { nullable: true, description: 'Reason given with the decision, if any.' })
  @Public()
  decisionReason: string | null;

  @Field(() => Int, { description: "Version of the provider's record (one more for each decision that changed it)." })
  @Public()
  version: number;
}

/** The provider subgraph's channel routes, reached as the caller (its own token) within the department's guard. */
function peerOf(ctx: UnionRequestContext, department: Department): ProviderChannelPeer {
  return {
    department,
    graphqlUrl: ctx.peerUrls?.[department],
    authorization: ctx.authorization,
    requestId: ctx.requestId,
    guard: ctx.peerGuard(department),
  };
}

/**
 * How the registry has a decision recorded by the provider: over HTTP with the caller's own token, or,
 * for the union's own channels, by the same function in this process (the union is then the provider).
 */
export function recordAtProviderFor(ctx: UnionRequestContext): RecordAtProvider {
  return async (decision) => {
    if (decision.provider === Department.UNION) {
      const record = await recordChannelDecision(ctx.em.fork(), Department.UNION, ctx.principal, decision, ctx.today);
      return viewOf(record, Department.UNION);
    }
    return decideAtProvider(peerOf(ctx, decision.provider), decision);
  };
}

/** One loader per provider per request: the registry's rows of one provider cost one call to it. */
const loaders = new WeakMap<UnionRequestContext, Map<Department, DataLoader<string, ProviderChannelView | null>>>();

function loaderOf(ctx: UnionRequestContext, department: Department): DataLoader<string, ProviderChannelView | null> {
  let byProvider = loaders.get(ctx);
  if (!byProvider) loaders.set(ctx, (byProvider = new Map()));
  let loader = byProvider.get(department);
  if (!loader) {
    loader = new DataLoader<string, ProviderChannelView | null>(async (codes) => {
      const records =
        department === Department.UNION
          ? await ownChannelRecords(ctx.em, Department.UNION, codes)
          : await recordsAtProvider(peerOf(ctx, department), codes);
      const byCode = new Map(records.map((r) => [r.code, r]));
      return codes.map((code) => byCode.get(code) ?? null);
    });
    byProvider.set(department, loader);
  }
  return loader;
}

/** The provider's record of `channel`, or null when it has recorded no decision on it. */
export async function providerRecordOf(ctx: UnionRequestContext, channel: SharingChannel): Promise<ProviderChannelRecord | null> {
  const view = await loaderOf(ctx, channel.provider).load(channel.code);
  if (!view) return null;
  return Object.assign(new ProviderChannelRecord(), {
    status: view.status as unknown as ChannelStatus,
    decidedBy: { ...view.decidedBy },
    decidedAt: new Date(view.decidedAt),
    decisionReason: view.decisionReason,
    version: view.version,
  });
}

/**
 * Whether the provider's record says what the registry row says: no record for a PROPOSED channel, else
 * the same decided status and the same content.
 */
export async function providerAgrees(ctx: UnionRequestContext, channel: SharingChannel): Promise<boolean> {
  const view = await loaderOf(ctx, channel.provider).load(channel.code);
  if (!view) return channel.status === ChannelStatus.PROPOSED;
  return (view.status as string) === (channel.status as string) && sameContent(view.content, contentOf(channel));
}
