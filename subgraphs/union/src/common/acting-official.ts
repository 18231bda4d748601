import { Public, type Principal } from '@labour/shared';
import { Field, ObjectType } from 'type-graphql';

/** Who acted on a registry record (proposed or decided a channel, acknowledged or answered a notice). */
@ObjectType('ActingOfficial', { description: 'An official who acted on a sharing channel or a notice, as their token named them.' })
export class ActingOfficial {
  @Field({ description: 'Subject of their token (sub).' })
  @Public()
  subject: string;

  @Field({ description: 'Name in their token.' })
  @Public()
  name: string;
}

/** The acting official of a request, as stored beside what they did. */
export const actingOfficial = (principal: Principal): ActingOfficial => ({ subject: principal.subject, name: principal.name });
