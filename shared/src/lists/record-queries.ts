import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver, type ClassType } from 'type-graphql';
import type { Principal } from '../context/principal';
import { ConnectionType } from '../pagination/connection';
import { bounded, PAGE_BOUND } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';
import { listPage, type RecordList, type RecordListArgs } from './list-page';

/** What the queries of a record kind read from a department's request context. */
interface QueryContext {
  em: EntityManager;
  principal: Principal | null;
  today: string;
}

/** The queries of one kind of record, each open to every caller (the fields keep their own data classes). */
export interface RecordQueriesSpec<T extends object, F extends object> {
  readonly list: RecordList<T, F>;
  /** `<record>(<key>)`: the record whose `list.order.key` is the argument's; null when there is none. */
  readonly byKey?: { readonly name: string; readonly args: ClassType; readonly description: string };
  /** The paged list: its query's name, its arguments (ListArgs) and description, and its connection type's description. */
  readonly name: string;
  readonly args: ClassType<RecordListArgs<F>>;
  readonly description: string;
  readonly connection: string;
}

/** `<record>(<key>)`, the record of `list`'s kind whose key is the argument's. */
function RecordByKeyQuery<T extends object>(list: RecordList<T, object>, byKey: NonNullable<RecordQueriesSpec<T, object>['byKey']>) {
  @Resolver()
  abstract class RecordByKeyQuery {
    @Query(() => list.entity, { name: byKey.name, nullable: true, description: byKey.description })
    @Public()
    recordByKey(@Args(() => byKey.args) args: Record<string, string>, @Ctx() ctx: QueryContext) {
      return ctx.em.findOne(list.entity, { [list.order.key]: args[list.order.key] } as FilterQuery<NoInfer<T>>);
    }
  }
  return RecordByKeyQuery;
}

/**
 * The base of a record kind's resolver: the query of one record by its key (when `byKey` is given), then the
 * paged list (listPage), in that order in the schema. The resolver extends it and adds its mutations and fields.
 */
export function RecordQueries<T extends object, F extends object>(spec: RecordQueriesSpec<T, F>) {
  const Connection = ConnectionType(spec.list.entity as ClassType<T>, spec.list.typeName, spec.connection);
  const Base = spec.byKey ? RecordByKeyQuery(spec.list as RecordList<T, object>, spec.byKey) : Object;

  @Resolver()
  abstract class RecordListQuery extends (Base as ClassType) {
    @Query(() => Connection, { name: spec.name, description: bounded(spec.description, PAGE_BOUND) })
    @Public()
    recordList(@Args(() => spec.args) args: RecordListArgs<F>, @Ctx() ctx: QueryContext, @Info() info: GraphQLResolveInfo) {
      return listPage(ctx.em, spec.list, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
    }
  }
  return RecordListQuery;
}
