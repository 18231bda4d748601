import { ArgsType, Field, GraphQLISODateTime, Int } from 'type-graphql';
import { Department } from '../context';
import { boundArgOptions, PAGE_BOUND } from '../pagination/list-bound';
import { AccessLogOutcome } from './access-log-entry.entity';

/** Filters and paging of the access-log queries. */
@ArgsType()
export class AccessLogArgs {
  @Field(() => Int, boundArgOptions(PAGE_BOUND, 'entries'))
  first: number;

  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page: return the entries older than it.' })
  after?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only entries written at or after this time.' })
  since?: Date | null;

  @Field(() => Department, { nullable: true, description: 'Only reads by this department.' })
  department?: Department | null;

  @Field(() => AccessLogOutcome, { nullable: true, description: 'Only entries with this outcome.' })
  outcome?: AccessLogOutcome | null;
}
