import { Length } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class AidNoArgs {
  @Field({ description: 'Aid number (帮扶编号), e.g. BF-2026-00031.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  aidNo: string;
}
