import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import {
  BaseRecord,
  capped,
  Department,
  ListCap,
  Public,
  PublicDateField,
  scopeKindNamed,
  type ScopeKind,
  RecordName,
  StringField,
} from '@labour/shared';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { ActingOfficial } from '../common/acting-official';

/** The decided state of a channel, as stored. */
export enum ChannelStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}
registerEnumType(ChannelStatus, {
  name: 'SharingChannelStatus',
  description:
    "Decided state of a sharing channel: PROPOSED → ACTIVE ⇄ SUSPENDED, and REVOKED from any of them, for good. Only the provider's ADMIN decides.",
  valuesConfig: {
    PROPOSED: { description: 'Proposed, not yet in force (拟议)' },
    ACTIVE: { description: 'In force within its validity window (生效)' },
    SUSPENDED: { description: 'Suspended: grants nothing until activated again (暂停)' },
    REVOKED: { description: 'Revoked for good: can never be activated again (撤销)' },
  },
});

/** What a channel amounts to today: its decided state, or EXPIRED once its last day has passed. */
export enum ChannelEffectiveStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ChannelEffectiveStatus, {
  name: 'SharingChannelEffectiveStatus',
  description:
    'What a sharing channel amounts to today: its decided status, or EXPIRED once validUntil has passed (unless it was revoked).',
  valuesConfig: {
    PROPOSED: { description: 'Proposed, not yet in force (拟议)' },
    ACTIVE: { description: 'Activated and not expired; it grants from validFrom on (生效)' },
    SUSPENDED: { description: 'Suspended (暂停)' },
    REVOKED: { description: 'Revoked for good (撤销)' },
    EXPIRED: { description: 'Its validity window has ended: it grants nothing, whatever was decided (已过期)' },
  },
});

/** How much one channel may open, as its proposal is checked: at most 50 types, 50 fields of each. */
const MAX_GRANTED_TYPES = 50;
const MAX_GRANTED_FIELDS = 50;

/** The fields of one type a channel opens to its consumers. */
@ObjectType('SharingGrant', {
  description: "Fields of one of the provider's types that a sharing channel opens to its consumers (共享字段).",
})
export class SharingGrant {
  @Field({ description: "A type of the provider's schema, e.g. WageArrearsAlert." })
  @Public()
  typeName: string;

  @Field(() => [String], {
    description: capped(
      'Its SHARED or PERSONAL fields the consumers may read, e.g. amountOwed.',
      MAX_GRANTED_FIELDS,
      'a proposal names no more',
    ),
  })
  @Public()
  @ListCap(MAX_GRANTED_FIELDS)
  fields: string[];
}

/** A scope kind of the catalogue (shared/src/channels/scope-catalogue.ts), as the registry shows it. */
@ObjectType('ChannelScopeKind', {
  description:
    'A scope kind (共享范围): which records of the types it covers a sharing channel grants its fields for. Each provider implements its kinds in SQL and enforces them.',
})
export class ChannelScopeKind implements ScopeKind {
  @Field({ description: 'Its name, as a channel names it in `scope`, e.g. HR_OPEN_WAGE_ARREARS.' })
  @Public()
  name: string;

  @Field(() => Department, { description: 'The department whose records it selects: only its channels may name it.' })
  @Public()
  provider: Department;

  @Field(() => [String], {
    description: capped(
      "The types a channel of this kind may grant (a case's Party is in scope with its case).",
      10,
      'a kind covers no more',
    ),
  })
  @Public()
  @ListCap(10)
  types: string[];

  @Field({ description: 'Which records it covers, in English.' })
  @Public()
  description: string;

  @Field({ description: 'Which records it covers, in Chinese (范围说明).' })
  @Public()
  descriptionZh: string;
}

/**
 * A sharing channel (信息共享渠道): an agreement by which a provider department opens some of its
 * SHARED or PERSONAL fields to consumer departments, for a purpose, on a legal basis, for a time.
 * The registry lives in the union subgraph as an index; each provider subgraph enforces its own record of its
 * channels (`ProviderChannel`, written only by its own ADMIN's decisions), never this table.
 */
@ObjectType('SharingChannel', {
  description:
    "A sharing channel (信息共享渠道): a provider department opens some of its fields to other departments, for a purpose, on a legal basis, for a time. The registry is not secret: every authenticated caller reads it; only the provider's ADMIN decides.",
})
@RecordName('Sharing channel')
@Entity({ tableName: 'sharing_channel' })
export class SharingChannel extends BaseRecord<
  | 'validUntil'
  | 'status'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionReason'
  | 'effectiveStatus'
  | 'inForce'
  | 'proposedAt'
  | 'changedAt'
  | 'scope'
  | 'scopeKind'
> {
  @StringField('Readable unique code, e.g. HR-UNION-ARREARS: what access logs name as the channel that allowed a read.', Public(), {
    length: 60,
    unique: true,
  })
  code: string;

  @Field(() => Department, { description: 'The department whose fields the channel opens (提供方).' })
  @Public()
  @Enum({ items: () => Department })
  @Index()
  provider: Department;

  @Field(() => [Department], {
    description: capped('The departments that may read them (使用方); never the provider.', 3, 'the other three departments'),
  })
  @Public()
  @ListCap(3)
  @Property({ type: ArrayType, columnType: 'text[]' })
  consumers: Department[];

  @Field(() => [SharingGrant], { description: capped('The fields opened, type by type.', MAX_GRANTED_TYPES, 'a proposal names no more') })
  @Public()
  @ListCap(MAX_GRANTED_TYPES)
  @Property({ type: 'json' })
  grants: SharingGrant[];

  @Field(() => String, {
    nullable: true,
    description:
      "The scope kind (共享范围) of the records it grants its fields for, one of the provider's (see scopeKind and channelScopeKinds), e.g. HR_OPEN_WAGE_ARREARS. Empty for a channel agreed before channels had scopes: it grants nothing.",
  })
  @Public()
  @Property({ length: 60, nullable: true })
  scope: string | null = null;

  @Field(() => ChannelScopeKind, {
    nullable: true,
    description: 'What its scope covers, as the catalogue of scope kinds describes it; empty without a scope.',
  })
  @Public()
  get scopeKind(): ChannelScopeKind | null {
    return (this.scope && (scopeKindNamed(this.scope) as ChannelScopeKind | undefined)) || null;
  }

  @StringField('What the consumers use the data for (共享目的).', Public())
  purpose: string;

  @StringField('The law or agreement that allows it (法律依据), e.g. 《劳动保障监察条例》第十条.', Public())
  legalBasis: string;

  @PublicDateField('First day the channel may grant anything (生效日期).')
  validFrom: string;

  @PublicDateField('Last day it grants anything (有效期至); empty when open-ended. After it the channel is EXPIRED.', { nullable: true })
  validUntil: string | null = null;

  @Field(() => ChannelStatus, { description: 'Decided status; see effectiveStatus for what it amounts to today.' })
  @Public()
  @Enum({ items: () => ChannelStatus })
  @Index()
  status: ChannelStatus = ChannelStatus.PROPOSED;

  @Field(() => ActingOfficial, { description: "The provider's ADMIN who proposed it." })
  @Public()
  @Property({ type: 'json' })
  proposedBy: ActingOfficial;

  @Field(() => ActingOfficial, {
    nullable: true,
    description: "The provider's ADMIN who made the last decision (activate, suspend, revoke); empty while proposed.",
  })
  @Public()
  @Property({ type: 'json', nullable: true })
  decidedBy: ActingOfficial | null = null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last decision was made.' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @StringField('Reason given with the last decision, if any (e.g. why it was suspended).', Public(), { nullable: true })
  decisionReason: string | null = null;

  @Field(() => GraphQLISODateTime, { description: 'When it was proposed.' })
  @Public()
  get proposedAt(): Date {
    return this.createdAt;
  }

  @Field(() => GraphQLISODateTime, { description: 'When it last changed.' })
  @Public()
  get changedAt(): Date {
    return this.updatedAt;
  }

  // effectiveStatus and inForce depend on the request's day: field resolvers in channel.resolver.ts.
}

/** A revoked channel stays REVOKED; any other one past its last day is EXPIRED. */
export function effectiveStatusOf(channel: Pick<SharingChannel, 'status' | 'validUntil'>, today: string): ChannelEffectiveStatus {
  if (channel.status !== ChannelStatus.REVOKED && channel.validUntil !== null && channel.validUntil < today)
    return ChannelEffectiveStatus.EXPIRED;
  return channel.status as unknown as ChannelEffectiveStatus;
}
