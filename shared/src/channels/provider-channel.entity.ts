import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseRecord } from '../db/base-record';

/** The table of a provider's own outgoing channels, in every department's database. */
export const PROVIDER_CHANNEL_TABLE = 'provider_channel';

/** What the provider decided about one of its outgoing channels. There is no PROPOSED: a proposal is the registry's. */
export enum ProviderChannelStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

/** Who decided, as the ADMIN's verified token named them. */
export interface ChannelDecider {
  subject: string;
  name: string;
}

/**
 * A channel's content: what it opens to whom, why and for how long (everything of a registry row that is
 * not bookkeeping). Stored as one JSON document, so a field the registry adds later (e.g. a scope) is
 * kept and compared with the rest without a migration; enforcement reads `consumers`, `grants`,
 * `validFrom` and `validUntil` from it.
 */
export interface ChannelContent {
  consumers: string[];
  grants: Array<{ typeName: string; fields: string[] }>;
  purpose: string;
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  [more: string]: unknown;
}

/**
 * One of this department's outgoing sharing channels as its own ADMIN decided it (本部门共享渠道决定记录).
 * Every subgraph keeps this table in its own database and enforces its grants from it alone: the union's
 * registry is an index for proposing and listing, and a row written there grants nothing here. A row is
 * written only by `recordChannelDecision`, for a verified ADMIN of this department, after the content
 * was checked against the department's field catalogue. Internal: no GraphQL type, no query reads it
 * except the provider's `/channels/records` route.
 */
@Entity({ tableName: PROVIDER_CHANNEL_TABLE })
export class ProviderChannel extends BaseRecord<'decisionReason'> {
  /** The channel's code, as in the registry (e.g. HR-UNION-ARREARS). */
  @Property({ length: 60 })
  @Unique()
  code: string;

  @Property({ type: 'json' })
  content: ChannelContent;

  @Enum({ items: () => ProviderChannelStatus })
  @Index()
  status: ProviderChannelStatus;

  @Property({ type: 'json' })
  decidedBy: ChannelDecider;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  decidedAt: Date;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;
}
