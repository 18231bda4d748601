import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
  type ClassType,
} from 'type-graphql';
import { Department, type BaseRequestContext } from '../context';
import { BadUserInputError } from '../errors';
import { boundArgOptions, bounded, listBound, sizeWithin } from '../pagination/list-bound';
import { CrossDepartment } from '../permissions/cross-department';
import { Public } from '../permissions/data-class';
import { assertOwnLogReader } from './access-log.service';
import { LogHeadInvalidError, verifyLogHead, type LogHeadKeys } from './log-head';
import { chainPagesOf } from './verify-access-log';
import { assertHeadPublisher, assertHeadReader, listWitnessedHeads, witnessLogHead } from './witness.service';
import { WitnessedLogHead } from './witnessed-log-head.entity';

/** What the log-head resolvers need of a request context. */
export interface LogHeadContext extends BaseRequestContext {
  em: EntityManager;
  /** The service's trusted keys, by which it checks the heads other departments publish. */
  logHeadKeys: LogHeadKeys;
}

/** Links of the chain per page: an auditor walks the whole log. */
export const CHAIN_BOUND = listBound(1000, 1000);
/** Witnessed heads per page. */
export const WITNESSED_HEADS_BOUND = listBound(1000, 1000);

@ObjectType('AccessLogLink', {
  description: 'One entry of the access log as its hash chain covers it (哈希链环节), for an auditor to recompute.',
})
@Directive('@shareable')
export class AccessLogLink {
  @Field(() => ID, { description: "The entry's id (the chain follows ascending ids)." })
  @Public()
  id: string;

  @Field({ description: 'The hashed contents as stored: a JSON array in the fixed order of the hash (time with microseconds, UTC).' })
  @Public()
  contents: string;

  @Field({ description: 'Hash of the entry before (64 zeros for the first).' })
  @Public()
  prevHash: string;

  @Field({ description: 'SHA-256 of prevHash followed by the canonical JSON of contents (hex).' })
  @Public()
  hash: string;
}

export enum LogHeadOutcome {
  WITNESSED = 'WITNESSED',
  UNCHANGED = 'UNCHANGED',
  STALE = 'STALE',
  REFUSED = 'REFUSED',
}
registerEnumType(LogHeadOutcome, {
  name: 'LogHeadOutcome',
  description: 'What a witness did with a published access-log head.',
  valuesConfig: {
    WITNESSED: { description: 'Kept: the log grew' },
    UNCHANGED: { description: 'The same as a head already witnessed at this count' },
    STALE: { description: 'An older head arriving after a newer one: ignored' },
    REFUSED: { description: 'A rewrite (another hash at a witnessed count, or fewer entries than before): kept as evidence' },
  },
});

@ObjectType('LogHeadReceipt', { description: "A witness's answer to a published access-log head." })
@Directive('@shareable')
export class LogHeadReceipt {
  @Field(() => LogHeadOutcome, { description: 'What the witness did with the head.' })
  @Public()
  outcome: LogHeadOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was stale or refused.' })
  @Public()
  reason: string | null;
}

@ArgsType()
class ChainArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The id of the last link of the previous page: return the links after it. Omitted: from the first entry.',
  })
  after?: string | null;

  @Field(() => Int, boundArgOptions(CHAIN_BOUND, 'links'))
  first: number;
}

@ArgsType()
class WitnessedHeadsArgs {
  @Field(() => Department, { description: 'The department whose access log the heads describe.' })
  provider: Department;

  @Field(() => ID, { nullable: true, description: 'The id of the last head of the previous page: return the heads after it.' })
  after?: string | null;

  @Field(() => Int, boundArgOptions(WITNESSED_HEADS_BOUND, 'heads'))
  first: number;
}

function cursorOf(after: string | null | undefined): string | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,19}$/.test(after)) throw new BadUserInputError({ field: 'after', rule: 'must be an id this list gave out' });
  return after;
}

/** Each subgraph's prefix of its root fields, unique in the supergraph (`hrBureauAccessLog` …). */
export const ROOT_FIELD_PREFIX: Readonly<Record<Department, string>> = Object.freeze({
  [Department.HR_BUREAU]: 'hrBureau',
  [Department.UNION]: 'union',
  [Department.COURT]: 'court',
  [Department.JUSTICE]: 'justice',
});

/** The mutation by which a department publishes its head to `witness`. */
export const witnessMutationOf = (witness: Department): string => `${ROOT_FIELD_PREFIX[witness]}WitnessLogHead`;

export interface LogHeadResolverOptions {
  /** The department of the subgraph: whose log the chain is, and the witness of the others' heads. */
  department: Department;
}

/**
 * The witnessed access log of a subgraph (list the class in its schema):
 * - `<prefix>AccessLogChain`: its log as the chain covers it, oldest first, for its own ADMIN or AUDITOR
 *   (`npm run audit:verify` recomputes it);
 * - `<prefix>WitnessedLogHeads(provider:)`: the heads of another department's log it witnessed;
 * - `<prefix>WitnessLogHead(head:)`: where another department's SERVICE publishes its signed head.
 */
export function createLogHeadResolver(options: LogHeadResolverOptions): ClassType {
  const { department } = options;
  const prefix = ROOT_FIELD_PREFIX[department];

  @Resolver()
  class LogHeadResolver {
    @Query(() => [AccessLogLink], {
      name: `${prefix}AccessLogChain`,
      description: bounded(
        `The ${department} access log as its hash chain covers it (访问日志哈希链), oldest first, for an auditor to recompute and compare with the heads the other departments witnessed. ${department} ADMIN or AUDITOR only.`,
        CHAIN_BOUND,
      ),
    })
    @Public() // the guard is the ADMIN/AUDITOR check below, not a data class
    async accessLogChain(@Args() args: ChainArgs, @Ctx() ctx: LogHeadContext): Promise<AccessLogLink[]> {
      assertOwnLogReader(ctx.principal, department);
      const links = await chainPagesOf(ctx.em)(cursorOf(args.after) ?? '0', sizeWithin(CHAIN_BOUND, args.first));
      return links.map((link) => Object.assign(new AccessLogLink(), link));
    }

    @Query(() => [WitnessedLogHead], {
      name: `${prefix}WitnessedLogHeads`,
      description: bounded(
        `The heads of another department's access log that ${department} witnessed (见证的日志头), oldest first, refused ones included. The ADMIN or AUDITOR of ${department} or of that department only.`,
        WITNESSED_HEADS_BOUND,
      ),
    })
    @Public() // the guard is the check below
    witnessedLogHeads(@Args() args: WitnessedHeadsArgs, @Ctx() ctx: LogHeadContext): Promise<WitnessedLogHead[]> {
      assertHeadReader(ctx.principal, department, args.provider);
      return listWitnessedHeads(ctx.em, args.provider, sizeWithin(WITNESSED_HEADS_BOUND, args.first), cursorOf(args.after));
    }

    @Mutation(() => LogHeadReceipt, {
      name: witnessMutationOf(department),
      description: `Another department publishes its signed access-log head to ${department} (a compact JWS, typ access-log-head+jwt, signed with its service key), which keeps it or refuses it as a rewrite. A SERVICE of the head's own department only.`,
    })
    @CrossDepartment()
    async witnessLogHead(
      @Arg('head', { description: 'The signed head (compact JWS).' }) jws: string,
      @Ctx() ctx: LogHeadContext,
    ): Promise<LogHeadReceipt> {
      let head;
      try {
        head = await verifyLogHead(jws, ctx.logHeadKeys);
      } catch (error) {
        if (error instanceof LogHeadInvalidError) {
          ctx.logger.warn({ rule: error.rule, caller: ctx.principal?.department }, 'access-log head refused: not a valid signed head');
          throw new BadUserInputError({ field: 'head', rule: error.rule });
        }
        throw error;
      }
      assertHeadPublisher(ctx.principal, department, head);
      const decision = await witnessLogHead(ctx.em, head, new Date(), ctx.logger);
      return Object.assign(new LogHeadReceipt(), {
        outcome: decision.outcome as LogHeadOutcome,
        reason: 'reason' in decision ? decision.reason : null,
      });
    }
  }
  return LogHeadResolver;
}
