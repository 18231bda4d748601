import { DateScalar, IsUscc, NotInFuture, VersionField } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { UnionKind } from './union-organization.entity';

@InputType({ description: 'A grassroots union to register (建会).' })
export class CreateUnionOrganizationInput {
  @Field({ description: 'Name of the union, 2 to 200 characters.' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field(() => UnionKind, {
    description: 'Form of the union: an ENTERPRISE union covers exactly one enterprise, JOINT and INDUSTRY unions one or more.',
  })
  kind: UnionKind;

  @Field(() => [String], { description: 'Credit codes of the enterprises it covers; none may already be covered by another union.' })
  @ArrayMinSize(1, { message: 'must name at least one enterprise' })
  @ArrayMaxSize(1000, { message: 'must name at most 1000 enterprises' })
  @ArrayUnique(undefined, { message: 'must not name an enterprise twice' })
  @IsUscc({ each: true })
  enterpriseCreditCodes: string[];

  @Field({ description: 'District or town (所属街镇/片区), 1 to 50 characters.' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district: string;

  @Field(() => DateScalar, { description: 'Date the union was founded; not in the future.' })
  @NotInFuture()
  foundedOn: string;

  @Field({ description: 'Name of the union chair, 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  chairName: string;

  @Field(() => Int, { description: 'Number of members, 1 to 1,000,000.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  memberCount: number;
}

@InputType({ description: 'Changes to a grassroots union; fields left out stay as they are.' })
export class UpdateUnionOrganizationInput {
  @Field(() => ID, { description: 'Internal identifier of the union.' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'New list of covered enterprises (e.g. an enterprise joining a joint union).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one enterprise' })
  @ArrayMaxSize(1000, { message: 'must name at most 1000 enterprises' })
  @ArrayUnique(undefined, { message: 'must not name an enterprise twice' })
  @IsUscc({ each: true })
  enterpriseCreditCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New chair.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  chairName?: string | null;

  @Field(() => Int, { nullable: true, description: 'New number of members.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  memberCount?: number | null;
}
