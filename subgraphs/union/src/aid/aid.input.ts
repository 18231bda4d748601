import {
  DateRange,
  DateScalar,
  DecimalScalar,
  IsUscc,
  MinAmount,
  NotInFuture,
  PartyInput,
  VersionField,
  ListArgs,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { AidKind } from './hardship-aid.entity';

@InputType({ description: 'Hardship aid to record (困难职工帮扶).' })
export class CreateHardshipAidInput {
  @Field({ description: 'Aid number (帮扶编号), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  aidNo: string;

  @Field(() => PartyInput, { description: 'The worker receiving the aid (受助职工).' })
  @ValidateNested()
  recipient: PartyInput;

  @Field(() => String, { nullable: true, description: "Credit code of the recipient's employer, if any." })
  @IsOptional()
  @IsUscc()
  enterpriseCreditCode?: string | null;

  @Field(() => AidKind, { description: 'Kind of aid.' })
  kind: AidKind;

  @Field(() => DecimalScalar, { description: 'Amount granted in yuan; more than 0.' })
  @MinAmount(0.01)
  amount: string;

  @Field(() => DateScalar, { description: 'Date the aid was granted; not in the future.' })
  @NotInFuture()
  grantedOn: string;

  @Field({ description: 'Why the aid was granted, 1 to 2000 characters.' })
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;
}

@InputType({ description: 'Changes to a hardship aid record; fields left out stay as they are.' })
export class UpdateHardshipAidInput {
  @Field({ description: 'Aid number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  aidNo: string;

  @VersionField()
  version: number;

  @Field(() => AidKind, { nullable: true, description: 'New kind of aid.' })
  @IsOptional()
  kind?: AidKind | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Corrected amount in yuan; more than 0.' })
  @IsOptional()
  @MinAmount(0.01)
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'New reason text.' })
  @IsOptional()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason?: string | null;
}

@InputType({ description: 'Which hardship aid to list: every condition given must hold; a condition left out does not filter.' })
export class HardshipAidFilter {
  @AnyOfFilterField(() => AidKind, 'Only aid of one of these kinds.')
  kind?: AidKind[] | null;

  @DateRangeFilterField('Only aid granted within this span (grantedOn).')
  grantedOn?: DateRange | null;

  @Field(() => String, { nullable: true, description: "Only aid whose recipient's employer has this unified social credit code." })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  // The amount is SHARED: the union's own staff look for the large grants (e.g. for review); no one else may.
  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Only aid of at least this many yuan. The amount is SHARED: for the union's own staff only (FORBIDDEN otherwise).",
  })
  @IsOptional()
  @MinAmount(0)
  amountAtLeast?: string | null;
}

@ArgsType()
export class HardshipAidsArgs extends ListArgs(HardshipAidFilter, 'aid records') {}
