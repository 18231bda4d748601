import { Dispute, EnterpriseKey, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnionRequestContext } from '../request-context';
import { AgendaItem } from './agenda-item.entity';
import { meetingText } from './meeting-record';

/** An agenda item's subject as a federated key (the gateway fills in what every department knows of it), and its reason. */
@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Why it is on the agenda (提请理由). For the meeting's participating departments' staff: others and analysts get null and FORBIDDEN.",
  })
  @Public()
  reason(@Root() item: AgendaItem, @Ctx() ctx: UnionRequestContext): Promise<string> {
    return meetingText(ctx, item.meetingId, 'Agenda reasons', item.reason);
  }

  @FieldResolver(() => EnterpriseKey, {
    nullable: true,
    description: "The enterprise the item is about, with every department's records of it; null for other items.",
  })
  @Public()
  enterprise(@Root() item: AgendaItem): EnterpriseKey | null {
    return item.enterpriseCreditCode ? { creditCode: item.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => Dispute, {
    nullable: true,
    description: "The dispute the item is about, with every department's stage of it; null for other items.",
  })
  @Public()
  dispute(@Root() item: AgendaItem): Dispute | null {
    return item.disputeNo ? { disputeNo: item.disputeNo } : null;
  }
}
