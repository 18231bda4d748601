import { Length } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class ContractNoArgs {
  @Field({ description: 'Contract number (合同编号), e.g. HT-2026-00012.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  contractNo: string;
}
