import { IsIdNumber, IsUscc, VersionField } from '@labour/shared';
import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const MOBILE = /^1[3-9]\d{9}$/;

@InputType({ description: 'A worker to add to the register (登记参保职工).' })
export class CreateWorkerInput {
  @Field({ description: 'Resident identity number (身份证号).' })
  @IsIdNumber()
  idNumber: string;

  @Field({ description: 'Name (姓名), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  name: string;

  @Field({ description: 'Mobile phone number (手机号), 11 digits starting with 13-19.' })
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 13 to 19' })
  phone: string;

  @Field(() => String, { nullable: true, description: 'Credit code of the current employer (用人单位统一社会信用代码).' })
  @IsOptional()
  @IsUscc()
  employerCreditCode?: string | null;
}

@InputType({ description: 'Changes to a worker; fields left out stay as they are.' })
export class UpdateWorkerInput {
  @Field({ description: 'Resident identity number of the worker to change.' })
  @IsIdNumber()
  idNumber: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'New mobile phone number.' })
  @IsOptional()
  @Matches(MOBILE, { message: 'must be an 11-digit mobile number starting with 13 to 19' })
  phone?: string;

  @Field(() => String, { nullable: true, description: 'New employer credit code; send null to record that the worker has none.' })
  @IsOptional()
  @IsUscc()
  employerCreditCode?: string | null;
}
