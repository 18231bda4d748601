import { CreditCodeInputField, IsIdNumber, TextInputField, VersionField } from '@labour/shared';
import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const MOBILE = /^1[3-9]\d{9}$/;

@InputType({ description: 'A worker to add to the register (登记参保职工).' })
export class CreateWorkerInput {
  @Field({ description: 'Resident identity number (身份证号).' })
  @IsIdNumber()
  idNumber: string;

  @TextInputField('Name (姓名), 1 to 40 characters.', 40)
  name: string;

  @Field({ description: 'Mobile phone number (手机号), 11 digits starting with 13-19.' })
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 13 to 19' })
  phone: string;

  @CreditCodeInputField('Credit code of the current employer (用人单位统一社会信用代码).', { nullable: true })
  employerCreditCode?: string | null;
}

@InputType({ description: 'Changes to a worker; fields left out stay as they are.' })
export class UpdateWorkerInput {
  @Field({ description: 'Resident identity number of the worker to change.' })
  @IsIdNumber()
  idNumber: string;

  @VersionField()
  version: number;

  @TextInputField('New name.', 40, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New mobile phone number.' })
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 13 to 19' })
  phone?: string;

  @CreditCodeInputField('New employer credit code; send null to record that the worker has none.', { nullable: true })
  employerCreditCode?: string | null;
}
