import type { EntityManager } from '@mikro-orm/postgresql';
import { Args, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { BaseRequestContext, Department } from '../context';
import { bounded, FirstArg, PAGE_BOUND, PageInfo, sizeWithin } from '../pagination';
import { Public } from '../permissions/data-class';
import { AccessLogEntry, SUBJECT_KEYS_BOUND } from './access-log-entry.entity';
import { AccessLogArgs } from './access-log.args';
import { assertOwnLogReader, listAccessLog } from './access-log.service';

/** What the access-log resolvers need of a request context. */
export interface AccessLogQueryContext extends BaseRequestContext {
  em: EntityManager;
}

// Written out rather than made with `ConnectionType`: the four subgraphs each define it, so it must be
// `@shareable` for composition, as `AccessLogEntry` is.
@ObjectType('AccessLogEntryConnection', { description: 'A page of access-log entries, newest first.' })
@Directive('@shareable')
export class AccessLogEntryConnection {
  @Field(() => [AccessLogEntry], { description: 'The entries of this page, newest first.' })
  @Public()
  nodes: AccessLogEntry[];

  @Field(() => PageInfo, { description: 'Where this page ends and whether older entries follow.' })
  @Public()
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many entries match the filter in all.' })
  @Public()
  totalCount: number;
}

export interface AccessLogResolverOptions {
  /** The root query's name, unique in the supergraph: `hrBureauAccessLog`, `unionAccessLog` … */
  queryName: string;
  /** The department whose log it is: only its ADMIN or AUDITOR may read it. */
  department: Department;
}

/** The resolver of a subgraph's own access-log query; list the class it returns in the subgraph's schema. */
export function createAccessLogResolver(options: AccessLogResolverOptions): ClassType {
  @Resolver(() => AccessLogEntry)
  class AccessLogResolver {
    @Query(() => AccessLogEntryConnection, {
      name: options.queryName,
      description: bounded(
        `The ${options.department} access log (访问日志): reads of its shared, personal and restricted fields by other departments, newest first. ${options.department} ADMIN or AUDITOR only.`,
        PAGE_BOUND,
      ),
    })
    @Public() // the guard is the ADMIN/AUDITOR check below, not a data class
    accessLog(@Args() args: AccessLogArgs, @Ctx() ctx: AccessLogQueryContext): Promise<AccessLogEntryConnection> {
      assertOwnLogReader(ctx.principal, options.department);
      return listAccessLog(ctx.em, args);
    }

    // The description is the entity's; the field resolver only adds the bound.
    @FieldResolver(() => [String])
    @Public()
    subjectKeys(@Root() entry: AccessLogEntry, @FirstArg(SUBJECT_KEYS_BOUND, 'keys') first: number): string[] {
      return entry.subjectKeys.slice(0, sizeWithin(SUBJECT_KEYS_BOUND, first));
    }
  }
  return AccessLogResolver;
}
