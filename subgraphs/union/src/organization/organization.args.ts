import { boundArgOptions, listBound } from '@labour/shared';
import { IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

/** The unions of one district: 111 in the demo zone's largest. */
export const UNION_ORGANIZATIONS_BOUND = listBound(200, 1000);

@ArgsType()
export class UnionOrganizationIdArgs {
  @Field(() => ID, { description: 'Internal identifier of the union (UUID).' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}

@ArgsType()
export class UnionOrganizationsArgs {
  @Field({ description: 'District or town (所属街镇/片区), exact.' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district: string;

  @Field(() => Int, boundArgOptions(UNION_ORGANIZATIONS_BOUND, 'unions'))
  first: number;
}
