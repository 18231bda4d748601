import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Int, type ClassType } from 'type-graphql';
import { boundArgOptions, PAGE_BOUND } from '../pagination/list-bound';

const firstField = (what: string) => Field(() => Int, boundArgOptions(PAGE_BOUND, what));
const afterField = () =>
  Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' });

/** The arguments of a list, `(filter: <Type>Filter, first: Int = 20, after: String)`; `what` names its records. */
export function ListArgs<F extends object>(filterType: ClassType<F>, what: string) {
  @ArgsType()
  class ListArgs {
    @Field(() => filterType, { nullable: true, description: `Which ${what} to list; every one when left out.` })
    @IsOptional()
    @ValidateNested()
    filter?: F | null;

    @firstField(what)
    first: number;

    @afterField()
    after?: string | null;
  }
  return ListArgs;
}

/**
 * The paging arguments of a list whose conditions are arguments of their own, `(first: Int = 20, after: String, …)`;
 * `what` names its records. A class extending it adds the conditions after them.
 */
export function PageArgs(what: string) {
  @ArgsType()
  class PageArgs {
    @firstField(what)
    first: number;

    @afterField()
    after?: string | null;
  }
  return PageArgs;
}
