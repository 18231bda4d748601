import {
  AmountInputField,
  CreditCodeInputField,
  DateRange,
  PartyInput,
  PartyInputField,
  PastDateInputField,
  TextInputField,
  VersionField,
  ListArgs,
  AnyOfFilterField,
  DateRangeFilterField,
} from '@labour/shared';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { AidKind } from './hardship-aid.entity';

@InputType({ description: 'Hardship aid to record (困难职工帮扶).' })
export class CreateHardshipAidInput {
  @TextInputField('Aid number (帮扶编号), 1 to 40 characters.', 40)
  aidNo: string;

  @PartyInputField('The worker receiving the aid (受助职工).')
  recipient: PartyInput;

  @CreditCodeInputField("Credit code of the recipient's employer, if any.", { nullable: true })
  enterpriseCreditCode?: string | null;

  @Field(() => AidKind, { description: 'Kind of aid.' })
  kind: AidKind;

  @AmountInputField('Amount granted in yuan; more than 0.', 0.01)
  amount: string;

  @PastDateInputField('Date the aid was granted; not in the future.')
  grantedOn: string;

  @TextInputField('Why the aid was granted, 1 to 2000 characters.', 2000)
  reason: string;
}

@InputType({ description: 'Changes to a hardship aid record; fields left out stay as they are.' })
export class UpdateHardshipAidInput {
  @TextInputField('Aid number.', 40)
  aidNo: string;

  @VersionField()
  version: number;

  @Field(() => AidKind, { nullable: true, description: 'New kind of aid.' })
  @IsOptional()
  kind?: AidKind | null;

  @AmountInputField('Corrected amount in yuan; more than 0.', 0.01, { nullable: true })
  amount?: string | null;

  @TextInputField('New reason text.', 2000, { nullable: true })
  reason?: string | null;
}

@InputType({ description: 'Which hardship aid to list: every condition given must hold; a condition left out does not filter.' })
export class HardshipAidFilter {
  @AnyOfFilterField(() => AidKind, 'Only aid of one of these kinds.')
  kind?: AidKind[] | null;

  @DateRangeFilterField('Only aid granted within this span (grantedOn).')
  grantedOn?: DateRange | null;

  @CreditCodeInputField("Only aid whose recipient's employer has this unified social credit code.", { nullable: true })
  enterprise?: string | null;

  // The amount is SHARED: the union's own staff look for the large grants (e.g. for review); no one else may.
  @AmountInputField("Only aid of at least this many yuan. The amount is SHARED: for the union's own staff only (FORBIDDEN otherwise).", 0, {
    nullable: true,
  })
  amountAtLeast?: string | null;
}

@ArgsType()
export class HardshipAidsArgs extends ListArgs(HardshipAidFilter, 'aid records') {}
