import { StringField } from '../db/case-fields';
import { BigIntType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../context';
import { Public } from '../permissions/data-class';

/** The table, in every department's database, of the other departments' log heads it witnessed. */
export const WITNESSED_LOG_HEAD_TABLE = 'witnessed_log_head';

/** Whether a witness kept a head as the department's log position, or refused it as a rewrite. */
export enum WitnessedHeadStatus {
  WITNESSED = 'WITNESSED',
  REFUSED = 'REFUSED',
}
registerEnumType(WitnessedHeadStatus, {
  name: 'WitnessedHeadStatus',
  description: 'What a witness made of a signed access-log head (见证结果).',
  valuesConfig: {
    WITNESSED: { description: 'Kept: the log had grown to this position (已见证)' },
    REFUSED: {
      description: 'Refused as a rewrite: another hash at a count already witnessed, or fewer entries than before (已拒绝：日志被改写)',
    },
  },
});

/**
 * A signed head of another department's access log (entry count and last hash) as this department saw
 * it: kept when the log grew, and kept as evidence when refused (a rewrite). Append-only like the access
 * log (migration triggers refuse UPDATE, DELETE and TRUNCATE, and the owning role's privileges are
 * revoked), and at most one WITNESSED head per department and count (a partial unique index). The JWS is
 * kept whole, so an auditor can check the signature again, with the publisher's key, without trusting
 * the witness.
 *
 * The GraphQL fields are `@Public()` on purpose, as the access log's are: only the witnessed-heads query
 * returns these objects, and it lets the ADMIN and AUDITOR of the witness or of the head's department through.
 */
@ObjectType('WitnessedLogHead', {
  description:
    "A signed head (entry count and last hash) of another department's access log, as this department witnessed it (见证的访问日志头). Seen by the ADMIN and AUDITOR of this department and of the head's.",
})
@Directive('@shareable')
@Entity({ tableName: WITNESSED_LOG_HEAD_TABLE })
@Trigger({
  name: 'refuse_change',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'statement',
  body: `raise exception 'witnessed_log_head is append-only: % refused', tg_op using errcode = 'insufficient_privilege'`,
})
@Index({
  name: 'witnessed_log_head_position_unique',
  expression: `create unique index "witnessed_log_head_position_unique" on "witnessed_log_head" ("provider", "entries") where "status" = 'WITNESSED'`,
})
export class WitnessedLogHead {
  @Field(() => ID, { description: "Position in this witness's table (increasing)." })
  @Public()
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => Department, { description: 'The department whose access log the head describes (被见证部门).' })
  @Public()
  @Enum(() => Department)
  provider!: Department;

  @Field(() => Int, { description: 'How many entries its log held (条目数).' })
  @Public()
  @Property({ type: new BigIntType('number') })
  entries!: number;

  @StringField('Hash of its last entry (64 zeros for an empty log).', Public(), { length: 64 })
  lastHash!: string;

  @Field(() => ID, { nullable: true, description: 'Id of its last entry; null for an empty log.' })
  @Public()
  @Property({ type: 'text', nullable: true })
  lastId!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the department signed the head.' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  signedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When this department received it.' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  @Index()
  receivedAt!: Date;

  @Field(() => WitnessedHeadStatus, { description: 'Kept, or refused as a rewrite.' })
  @Public()
  @Enum(() => WitnessedHeadStatus)
  status!: WitnessedHeadStatus;

  @StringField('Why it was refused; null when kept.', Public(), { nullable: true })
  reason!: string | null;

  @StringField("The head as signed (a compact JWS, `typ` access-log-head+jwt): check it with the department's public key.", Public())
  signedHead!: string;
}
