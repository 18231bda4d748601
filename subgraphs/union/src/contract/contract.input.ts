import {
  AmountInputField,
  AnyOfFilterField,
  BooleanFilterField,
  CountInputField,
  CreditCodeInputField,
  DateRange,
  DateRangeFilterField,
  DateScalar,
  ListArgs,
  NotBefore,
  PastDateInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ContractKind } from './collective-contract.entity';

const COVERED = { max: 1_000_000 };
const PERCENT = { max: 100 };

@InputType({ description: 'A collective contract to record once it is filed with the labour bureau (集体合同备案).' })
export class CreateCollectiveContractInput {
  @TextInputField('Contract number (合同编号), 1 to 40 characters.', 40)
  contractNo: string;

  @CreditCodeInputField('Credit code of the enterprise (统一社会信用代码).')
  enterpriseCreditCode: string;

  @Field(() => ContractKind, { description: 'Subject of the contract.' })
  kind: ContractKind;

  @PastDateInputField('Date the parties signed; not in the future.')
  signedOn: string;

  @NotBefore('signedOn')
  @PastDateInputField('Date it was filed with the labour bureau; not before signing, not in the future.')
  filedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date it takes effect; by default 15 days after filing (the bureau's review period), and never earlier than that.",
  })
  @IsOptional()
  effectiveOn?: string | null;

  @Field(() => DateScalar, { description: 'Date it expires; after the effective date.' })
  expiresOn: string;

  @AmountInputField('Agreed wage increase in percent, 0.00 to 100.00.', 0, PERCENT)
  wageIncreasePct: string;

  @CountInputField('Number of workers covered, 1 to 1,000,000.', COVERED)
  coveredWorkers: number;
}

@InputType({ description: 'Changes to a collective contract; fields left out stay as they are.' })
export class UpdateCollectiveContractInput {
  @TextInputField('Contract number.', 40)
  contractNo: string;

  @VersionField()
  version: number;

  @Field(() => DateScalar, { nullable: true, description: 'New expiry date (e.g. after a renewal); after the effective date.' })
  @IsOptional()
  expiresOn?: string | null;

  @AmountInputField('New wage increase in percent, 0.00 to 100.00.', 0, { nullable: true, ...PERCENT })
  wageIncreasePct?: string | null;

  @CountInputField('New number of workers covered.', { nullable: true, ...COVERED })
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

  @BooleanFilterField('true: only contracts in force today (effectiveOn ≤ today ≤ expiresOn), as `inForce` says; false: only the others.')
  inForce?: boolean | null;

  @CreditCodeInputField('Only contracts of the enterprise of this unified social credit code.', { nullable: true })
  enterprise?: string | null;
}

@ArgsType()
export class CollectiveContractsArgs extends ListArgs(CollectiveContractFilter, 'contracts') {}
