import { boundArgOptions, IdInputField, listBound, TextInputField } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';

/** The unions of one district: 111 in the demo zone's largest. */
export const UNION_ORGANIZATIONS_BOUND = listBound(200, 1000);

@ArgsType()
export class UnionOrganizationIdArgs {
  @IdInputField('Internal identifier of the union (UUID).')
  id: string;
}

@ArgsType()
export class UnionOrganizationsArgs {
  @TextInputField('District or town (所属街镇/片区), exact.', 50)
  district: string;

  @Field(() => Int, boundArgOptions(UNION_ORGANIZATIONS_BOUND, 'unions'))
  first: number;
}
