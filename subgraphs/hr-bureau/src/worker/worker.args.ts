import { IsIdNumber } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class IdNumberArgs {
  @Field({ description: 'Resident identity number (身份证号); checked, then turned into the personRef that finds the worker.' })
  @IsIdNumber()
  idNumber: string;
}
