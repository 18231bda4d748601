import { StringField } from '../db/case-fields';
import { Entity, Enum, Index, PrimaryKey, Property, Trigger, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Department, Role } from '../context';
import { bounded, capped, ListCap, listBound } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';
import { TextArrayType } from './text-array.type';

/**
 * How many of an entry's subject keys a reader gets: one request can read thousands of records of one
 * type (an enterprise's workers across a page of enterprises), all kept in one entry.
 */
export const SUBJECT_KEYS_BOUND = listBound(1000, 10_000);

/** The most fields of one type an entry names: no type of ours has that many. */
export const MAX_ENTRY_FIELDS = 200;

/** The table of the access log in every department's database. */
export const ACCESS_LOG_TABLE = 'access_log';

/** What a read of another department came to; the values of the permission layer's `AccessOutcome`. */
export enum AccessLogOutcome {
  GRANTED = 'GRANTED',
  MASKED = 'MASKED',
  DENIED = 'DENIED',
}
registerEnumType(AccessLogOutcome, {
  name: 'AccessOutcome',
  description: 'What a read of a field by another department came to (访问结果).',
  valuesConfig: {
    GRANTED: { description: 'Read in full, allowed by the sharing channel named in the entry (已授权)' },
    MASKED: { description: 'Personal data sent masked: no channel grants it, the record is sealed, or the reader is an analyst (已脱敏)' },
    DENIED: { description: 'Refused: shared data without a channel or of a sealed record, or restricted data (已拒绝)' },
  },
});

/**
 * One line of a provider subgraph's access log (访问日志): the reads of its SHARED, PERSONAL and
 * RESTRICTED fields by another department in one request, grouped by outcome, channel and type (see
 * `BufferedAccessRecorder`). Append-only: the database refuses UPDATE, DELETE and TRUNCATE (migration
 * triggers), and each entry carries the hash of the one before it, so a change made around the triggers
 * shows in `verifyAccessLog`. Not a `BaseRecord`: no version, no update time, nothing ever changes.
 *
 * The GraphQL fields are `@Public()` on purpose, and the guard is in the queries: only the access-log
 * queries reach these objects (no key, no other field returns them), and they let the own department's
 * ADMIN and AUDITOR alone through (ForbiddenError otherwise). `@Restricted()` would be wrong: the data-class
 * table gives RESTRICTED fields to every role of the own department, which is wider than that, and it
 * would describe the entry's values by a rule that does not decide who sees them.
 */
@ObjectType('AccessLogEntry', {
  description:
    "Reads of this department's shared, personal or restricted fields by another department in one request, grouped by outcome, channel and type (访问日志条目). Seen by this department's ADMIN and AUDITOR only.",
})
@Directive('@shareable')
@Entity({ tableName: ACCESS_LOG_TABLE })
// Declared here so that MikroORM's schema diff knows it (it introspects triggers); the migrations add a
// TRUNCATE trigger on the same function, which the diff cannot see (information_schema lists no
// TRUNCATE triggers), and revoke UPDATE, DELETE and TRUNCATE from the owning role.
@Trigger({
  name: 'refuse_change',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'statement',
  body: `raise exception 'access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege'`,
})
@Index({
  name: 'access_log_subject_keys_idx',
  expression: 'create index "access_log_subject_keys_idx" on "access_log" using gin ("subject_keys")',
})
export class AccessLogEntry {
  /** Chain order: the verifier walks the log by ascending id. */
  @Field(() => ID, { description: 'Position in the log (increasing; the hash chain follows it).' })
  @Public()
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the request was answered (访问时间).' })
  @Public()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  @Index()
  at!: Date;

  @StringField("Who read: the token's subject (`sub`) (访问者).", Public())
  subject!: string;

  @StringField("The reader's name from the token, if it carried one.", Public(), { nullable: true })
  subjectName!: string | null;

  @Field(() => Department, { description: "The reader's department (访问部门)." })
  @Public()
  @Enum(() => Department)
  department!: Department;

  @Field(() => [Role], { description: capped("The reader's roles from the token.", Object.keys(Role).length, 'one of each role') })
  @Public()
  @ListCap(Object.keys(Role).length)
  @Property({ type: TextArrayType, columnType: 'text[]' })
  roles!: Role[];

  @Field(() => String, {
    nullable: true,
    description:
      "Name of the GraphQL operation as this subgraph received it, when it had one (操作名); through the gateway, the client's name followed by `__<subgraph>__<n>`.",
  })
  @Public()
  @Property({ type: 'text', nullable: true })
  operationName!: string | null;

  @StringField('Declared purpose of the request (`X-Purpose` header), when given (访问目的).', Public(), { nullable: true })
  purpose!: string | null;

  // Its arguments and resolver are the access-log resolver's (`createAccessLogResolver`).
  @Field(() => [String], {
    description: bounded(
      'Business keys of the records read (personRef, credit code, case number …), without repetition, sorted (数据主体).',
      SUBJECT_KEYS_BOUND,
    ),
  })
  @Public()
  @Property({ type: TextArrayType, columnType: 'text[]' })
  subjectKeys!: string[];

  @Field(() => [String], {
    description: capped('The fields read, as `Type.field` (访问字段).', MAX_ENTRY_FIELDS, 'the fields of one type'),
  })
  @Public()
  @ListCap(MAX_ENTRY_FIELDS)
  @Property({ type: TextArrayType, columnType: 'text[]' })
  fields!: string[];

  @StringField('The sharing channel that allowed a GRANTED read; null otherwise (共享渠道).', Public(), { nullable: true })
  channelId!: string | null;

  @Field(() => AccessLogOutcome, { description: 'Granted, masked or denied (访问结果).' })
  @Public()
  @Enum(() => AccessLogOutcome)
  outcome!: AccessLogOutcome;

  @Field({
    description:
      'Request id (`x-request-id`), to find the request in the service logs; the ids of several client requests, comma-separated, when the gateway sent their fetches as one.',
  })
  @Public()
  @Property({ type: 'text' })
  requestId!: string;

  @Field({ description: 'Hash of the entry before this one (64 zeros for the first): the link of the hash chain.' })
  @Public()
  @Property({ length: 64 })
  @Unique() // no two entries can claim the same predecessor: what keeps concurrent writers (processes) on one chain
  prevHash!: string;

  @StringField("SHA-256 of prevHash and this entry's contents (hex).", Public(), { length: 64 })
  hash!: string;
}
