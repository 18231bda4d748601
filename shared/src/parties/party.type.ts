import { Directive, Field, ObjectType } from 'type-graphql';
import { Personal, Public } from '../permissions/data-class';

/**
 * The most parties one case names (a collective dispute's workers): every case input refuses more
 * (`@ArrayMaxSize(200)`), and the party lists are capped at it when read (`ListCap`).
 */
export const MAX_PARTIES = 200;

/**
 * A natural person who is a party to a case, as the department recorded them. Departments keep
 * their own copy of name and ID number; `personRef` links the same person across departments.
 */
@ObjectType('Party', { description: 'A natural person who is a party to a case (当事人), as the department recorded them.' })
@Directive('@shareable')
export class Party {
  @Field({ description: 'Cross-department link to the person: keyed hash of the ID number (人员关联码).' })
  @Public()
  personRef: string;

  @Field({ description: 'Name (姓名). Personal data.' })
  @Personal('name')
  name: string;

  @Field({ description: 'Resident identity number (身份证号). Personal data.' })
  @Personal('idNumber')
  idNumber: string;
}
