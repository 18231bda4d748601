import {
  DateRange,
  DateScalar,
  DecimalScalar,
  IsUscc,
  MinAmount,
  NotBefore,
  NotInFuture,
  MaxAmount,
  VersionField,
  ListArgs,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ContractKind } from './collective-contract.entity';

@InputType({ description: 'A collective contract to record once it is filed with the labour bureau (集体合同备案).' })
export class CreateCollectiveContractInput {
  @Field({ description: 'Contract number (合同编号), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  contractNo: string;

  @Field({ description: 'Credit code of the enterprise (统一社会信用代码).' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field(() => ContractKind, { description: 'Subject of the contract.' })
  kind: ContractKind;

  @Field(() => DateScalar, { description: 'Date the parties signed; not in the future.' })
  @NotInFuture()
  signedOn: string;

  @Field(() => DateScalar, { description: 'Date it was filed with the labour bureau; not before signing, not in the future.' })
  @NotBefore('signedOn')
  @NotInFuture()
  filedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date it takes effect; by default 15 days after filing (the bureau's review period), and never earlier than that.",
  })
  @IsOptional()
  effectiveOn?: string | null;

  @Field(() => DateScalar, { description: 'Date it expires; after the effective date.' })
  expiresOn: string;

  @Field(() => DecimalScalar, { description: 'Agreed wage increase in percent, 0.00 to 100.00.' })
  @MinAmount(0)
  @MaxAmount(100)
  wageIncreasePct: string;

  @Field(() => Int, { description: 'Number of workers covered, 1 to 1,000,000.' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  coveredWorkers: number;
}

@InputType({ description: 'Changes to a collective contract; fields left out stay as they are.' })
export class UpdateCollectiveContractInput {
  @Field({ description: 'Contract number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  contractNo: string;

  @VersionField()
  version: number;

  @Field(() => DateScalar, { nullable: true, description: 'New expiry date (e.g. after a renewal); after the effective date.' })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'New wage increase in percent, 0.00 to 100.00.' })
  @IsOptional()
  @MinAmount(0)
  @MaxAmount(100)
  wageIncreasePct?: string | null;

  @Field(() => Int, { nullable: true, description: 'New number of workers covered.' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  coveredWorkers?: number | null;
}

@InputType({ description: 'Which collective contracts to list: every condition given must hold; a condition left out does not filter.' })
export class CollectiveContractFilter {
  @AnyOfFilterField(() => ContractKind, 'Only contracts of one of these kinds.')
  kind?: ContractKind[] | null;

  @DateRangeFilterField('Only contracts filed with the labour bureau within this span (filedOn).')
  filedOn?: DateRange | null;

  @DateRangeFilterField('Only contracts taking effect within this span (effectiveOn).')
  effectiveOn?: DateRange | null;

  @DateRangeFilterField('Only contracts expiring within this span (expiresOn), e.g. those due for renewal.')
  expiresOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only contracts in force today (effectiveOn ≤ today ≤ expiresOn), as `inForce` says; false: only the others.',
  })
  inForce?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only contracts of the enterprise of this unified social credit code.' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;
}

@ArgsType()
export class CollectiveContractsArgs extends ListArgs(CollectiveContractFilter, 'contracts') {}
