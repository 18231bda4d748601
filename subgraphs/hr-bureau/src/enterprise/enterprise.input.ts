import {
  CountInputField,
  CreditCodeInputField,
  EnumInputField,
  PageArgs,
  PastDateInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { Ownership } from './enterprise.entity';

const EMPLOYEES = { min: 0, max: 1_000_000 };

@InputType({ description: 'An enterprise to add to the file (建档).' })
export class CreateEnterpriseInput {
  @CreditCodeInputField('Unified social credit code (统一社会信用代码).')
  creditCode: string;

  @TextInputField('Registered name, 2 to 200 characters.', 200, { min: 2 })
  name: string;

  @TextInputField('Industry (所属行业).', 50)
  industry: string;

  @TextInputField('District or town (所属街镇/片区).', 50)
  district: string;

  @TextInputField('Business address (经营地址).', 300)
  address: string;

  @EnumInputField(Ownership, 'Ownership', 'Ownership type (企业性质).')
  ownership: Ownership;

  @CountInputField('Number of employees, 0 to 1,000,000.', EMPLOYEES)
  employeeCount: number;

  @PastDateInputField('Date of registration; not in the future.')
  registeredOn: string;
}

@InputType({ description: 'Changes to an enterprise in the file; fields left out stay as they are.' })
export class UpdateEnterpriseInput {
  @CreditCodeInputField('Credit code of the enterprise to change.')
  creditCode: string;

  @VersionField()
  version: number;

  @TextInputField('New registered name.', 200, { nullable: true, min: 2 })
  name?: string;

  @TextInputField('New industry.', 50, { nullable: true })
  industry?: string;

  @TextInputField('New district or town.', 50, { nullable: true })
  district?: string;

  @TextInputField('New business address.', 300, { nullable: true })
  address?: string;

  @EnumInputField(Ownership, 'Ownership', 'New ownership type.', { nullable: true })
  ownership?: Ownership;

  @CountInputField('New number of employees.', { nullable: true, ...EMPLOYEES })
  employeeCount?: number;
}

@ArgsType()
export class EnterprisesArgs extends PageArgs('enterprises') {
  @Field(() => String, { nullable: true, description: 'Only enterprises in this district or town (exact).' })
  district?: string | null;

  @Field(() => String, { nullable: true, description: 'Only enterprises in this industry (exact).' })
  industry?: string | null;

  @TextInputField('Only enterprises whose name contains this text.', 100, { nullable: true })
  name?: string | null;
}
