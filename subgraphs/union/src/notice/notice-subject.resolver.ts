import { bounded, Dispute, EnterpriseKey, firstOf, FirstArg, Public, RECORDS_BOUND, type Principal } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnionRequestContext } from '../request-context';
import { Notice } from './notice.entity';

/** A notice belongs to its sender and recipient: the lists keep only the caller's department's. */
function ownOnly(notices: readonly Notice[], principal: Principal | null): Notice[] {
  const department = principal?.department;
  return notices.filter((n) => n.sender === department || n.recipient === department);
}

/** Open notices about an enterprise, for the joint meeting's view of its agenda subjects. */
@Resolver(() => EnterpriseKey)
export class EnterpriseNoticesResolver {
  @FieldResolver(() => [Notice], {
    nullable: true,
    description: bounded(
      "Open (not answered) notices about this enterprise that the caller's department sent or received, overdue ones included; newest first (UNION registry).",
      RECORDS_BOUND,
    ),
  })
  @Public()
  notices(@Root() enterprise: EnterpriseKey, @FirstArg(RECORDS_BOUND, 'notices') first: number, @Ctx() ctx: UnionRequestContext) {
    // Cut after the caller's department's notices are picked out, so `first` counts the ones it sees.
    return firstOf(RECORDS_BOUND, first, async () =>
      ownOnly(await ctx.loaders.openNoticesByCreditCode.load(enterprise.creditCode), ctx.principal),
    );
  }
}

/** Open notices about a dispute (referrals among them). */
@Resolver(() => Dispute)
export class DisputeNoticesResolver {
  @FieldResolver(() => [Notice], {
    nullable: true,
    description: bounded(
      "Open (not answered) notices about this dispute that the caller's department sent or received, overdue ones included; newest first (UNION registry).",
      RECORDS_BOUND,
    ),
  })
  @Public()
  notices(@Root() dispute: Dispute, @FirstArg(RECORDS_BOUND, 'notices') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, async () =>
      ownOnly(await ctx.loaders.openNoticesByDisputeNo.load(dispute.disputeNo), ctx.principal),
    );
  }
}
