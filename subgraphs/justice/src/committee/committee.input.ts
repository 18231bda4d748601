import { boundArgOptions, DateScalar, IsUscc, NotInFuture, PAGE_BOUND, VersionField } from '@labour/shared';
import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { CommitteeLevel } from './people-mediation-committee.entity';

@InputType({ description: "A people's mediation committee to register (登记人民调解委员会)." })
export class CreatePeopleMediationCommitteeInput {
  @Field({ description: 'Committee code (调委会编码), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  code: string;

  @Field({ description: 'Name, 2 to 200 characters.' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field(() => CommitteeLevel, { description: 'Level in the five-level network.' })
  @IsIn(Object.values(CommitteeLevel), { message: 'must be one of the CommitteeLevel values' })
  level: CommitteeLevel;

  @Field({ description: 'District or town it serves, 1 to 50 characters.' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district: string;

  @Field(() => String, {
    nullable: true,
    description: 'Credit code of its enterprise: required for level ENTERPRISE, left out for every other level.',
  })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;

  @Field(() => Int, { description: "Number of people's mediators, 1 to 10,000." })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000, { message: 'must be at most 10,000' })
  mediatorCount: number;

  @Field(() => DateScalar, { description: 'Date the committee was established; not in the future.' })
  @NotInFuture()
  establishedOn: string;
}

@InputType({ description: "Changes to a people's mediation committee; fields left out stay as they are. Level and enterprise are fixed." })
export class UpdatePeopleMediationCommitteeInput {
  @Field({ description: 'Code of the committee to change.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  code: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New district or town.' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district?: string;

  @Field(() => Int, { nullable: true, description: "New number of people's mediators." })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000, { message: 'must be at most 10,000' })
  mediatorCount?: number;
}

@ArgsType()
export class CommitteeCodeArgs {
  @Field({ description: 'Committee code (调委会编码).' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  code: string;
}

@ArgsType()
export class PeopleMediationCommitteesArgs {
  @Field(() => Int, boundArgOptions(PAGE_BOUND, 'committees'))
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;

  @Field(() => CommitteeLevel, { nullable: true, description: 'Only committees of this level.' })
  level?: CommitteeLevel | null;

  @Field(() => String, { nullable: true, description: 'Only committees serving this district or town (exact).' })
  district?: string | null;
}
