import { TextInputField } from '@labour/shared';
import { ArgsType } from 'type-graphql';

@ArgsType()
export class AidNoArgs {
  @TextInputField('Aid number (帮扶编号), e.g. BF-2026-00031.', 40)
  aidNo: string;
}
