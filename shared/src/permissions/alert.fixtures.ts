import { Directive, Field, ObjectType } from 'type-graphql';
import { Personal, Public, Restricted, Shared } from './data-class';

/**
 * A department's entity in miniature, declared as the subgraphs declare theirs, for the permission tests:
 * a field of each data class, and one without.
 */
@ObjectType('Alert')
@Directive('@key(fields: "alertNo")')
export class Alert {
  @Field()
  @Public()
  alertNo: string;

  @Field(() => String, { nullable: true })
  @Shared()
  amountOwed: string | null;

  @Field(() => String, { nullable: true })
  @Personal('name')
  contactName: string | null;

  @Field(() => String, { nullable: true })
  @Restricted()
  informant: string | null;

  /** Declared without a class: the permission layer denies it to everyone, its own department included. */
  @Field(() => String, { nullable: true })
  evidence: string | null;
}
