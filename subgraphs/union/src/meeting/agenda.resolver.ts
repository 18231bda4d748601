import { Dispute, EnterpriseKey, Public } from '@labour/shared';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { AgendaItem } from './agenda-item.entity';

/** An agenda item's subject as a federated key: the gateway fills in what every department knows of it. */
@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => EnterpriseKey, { nullable: true, description: 'The enterprise the item is about, with every department\'s records of it; null for other items.' })
  @Public()
  enterprise(@Root() item: AgendaItem): EnterpriseKey | null {
    return item.enterpriseCreditCode ? { creditCode: item.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => Dispute, { nullable: true, description: 'The dispute the item is about, with every department\'s stage of it; null for other items.' })
  @Public()
  dispute(@Root() item: AgendaItem): Dispute | null {
    return item.disputeNo ? { disputeNo: item.disputeNo } : null;
  }
}
