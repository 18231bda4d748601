import { boundArgOptions, DateScalar, IsUscc, NotInFuture, PAGE_BOUND, VersionField } from '@labour/shared';
import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { Ownership } from './enterprise.entity';

@InputType({ description: 'An enterprise to add to the file (建档).' })
export class CreateEnterpriseInput {
  @Field({ description: 'Unified social credit code (统一社会信用代码).' })
  @IsUscc()
  creditCode: string;

  @Field({ description: 'Registered name, 2 to 200 characters.' })
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name: string;

  @Field({ description: 'Industry (所属行业).' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  industry: string;

  @Field({ description: 'District or town (所属街镇/片区).' })
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district: string;

  @Field({ description: 'Business address (经营地址).' })
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  address: string;

  @Field(() => Ownership, { description: 'Ownership type (企业性质).' })
  @IsIn(Object.values(Ownership), { message: 'must be one of the Ownership values' })
  ownership: Ownership;

  @Field(() => Int, { description: 'Number of employees, 0 to 1,000,000.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  employeeCount: number;

  @Field(() => DateScalar, { description: 'Date of registration; not in the future.' })
  @NotInFuture()
  registeredOn: string;
}

@InputType({ description: 'Changes to an enterprise in the file; fields left out stay as they are.' })
export class UpdateEnterpriseInput {
  @Field({ description: 'Credit code of the enterprise to change.' })
  @IsUscc()
  creditCode: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New registered name.' })
  @IsOptional()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New industry.' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  industry?: string;

  @Field(() => String, { nullable: true, description: 'New district or town.' })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  district?: string;

  @Field(() => String, { nullable: true, description: 'New business address.' })
  @IsOptional()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  address?: string;

  @Field(() => Ownership, { nullable: true, description: 'New ownership type.' })
  @IsOptional()
  @IsIn(Object.values(Ownership), { message: 'must be one of the Ownership values' })
  ownership?: Ownership;

  @Field(() => Int, { nullable: true, description: 'New number of employees.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  employeeCount?: number;
}

@ArgsType()
export class EnterprisesArgs {
  @Field(() => Int, boundArgOptions(PAGE_BOUND, 'enterprises'))
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only enterprises in this district or town (exact).' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Only enterprises in this industry (exact).' })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Only enterprises whose name contains this text.' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name?: string | null;
}
