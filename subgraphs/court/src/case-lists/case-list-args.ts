import { boundArgOptions, PAGE_BOUND } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';

/** Most dispute numbers one `disputeNos` filter names: enough to follow a page of another department's list. */
export const MAX_DISPUTE_NOS = 100;

/** The page arguments every court case list takes; each list adds its own `filter`. */
@ArgsType()
export class CaseListPageArgs {
  @Field(() => Int, boundArgOptions(PAGE_BOUND, 'cases'))
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;
}
