import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int, type ClassType } from 'type-graphql';
import { boundArgOptions, PAGE_BOUND } from '../pagination/list-bound';

/** The arguments of a list, `(filter: <Type>Filter, first: Int = 20, after: String)`; `what` names its records. */
export function ListArgs<F extends object>(filterType: ClassType<F>, what: string) {
  @ArgsType()
  class ListArgs {
    @Field(() => filterType, { nullable: true, description: `Which ${what} to list; every one when left out.` })
    @IsOptional()
    @ValidateNested()
    filter?: F | null;

    @Field(() => Int, boundArgOptions(PAGE_BOUND, what))
    first: number;

    @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' })
    after?: string | null;
  }
  return ListArgs;
}
