import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsIdNumber } from '../validation';

@InputType('PartyInput', { description: 'A natural person who is a party to a case (当事人).' })
export class PartyInput {
  @Field({ description: 'Resident identity number (身份证号); checked for format, birth date and check character.' })
  @IsIdNumber()
  idNumber: string;

  @Field({ description: 'Name as on the identity card (姓名), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  name: string;
}
