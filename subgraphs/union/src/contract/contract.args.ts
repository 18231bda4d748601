import { TextInputField } from '@labour/shared';
import { ArgsType } from 'type-graphql';

@ArgsType()
export class ContractNoArgs {
  @TextInputField('Contract number (合同编号), e.g. HT-2026-00012.', 40)
  contractNo: string;
}
