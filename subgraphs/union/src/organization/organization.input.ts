import { CountInputField, CreditCodesInputField, IdInputField, PastDateInputField, TextInputField, VersionField } from '@labour/shared';
import { Field, InputType } from 'type-graphql';
import { UnionKind } from './union-organization.entity';

const ENTERPRISES = { one: 'enterprise', many: 'enterprises', again: 'an enterprise' };
const MEMBERS = { max: 1_000_000 };

@InputType({ description: 'A grassroots union to register (建会).' })
export class CreateUnionOrganizationInput {
  @TextInputField('Name of the union, 2 to 200 characters.', 200, { min: 2 })
  name: string;

  @Field(() => UnionKind, {
    description: 'Form of the union: an ENTERPRISE union covers exactly one enterprise, JOINT and INDUSTRY unions one or more.',
  })
  kind: UnionKind;

  @CreditCodesInputField('Credit codes of the enterprises it covers; none may already be covered by another union.', 1000, ENTERPRISES)
  enterpriseCreditCodes: string[];

  @TextInputField('District or town (所属街镇/片区), 1 to 50 characters.', 50)
  district: string;

  @PastDateInputField('Date the union was founded; not in the future.')
  foundedOn: string;

  @TextInputField('Name of the union chair, 1 to 40 characters.', 40)
  chairName: string;

  @CountInputField('Number of members, 1 to 1,000,000.', MEMBERS)
  memberCount: number;
}

@InputType({ description: 'Changes to a grassroots union; fields left out stay as they are.' })
export class UpdateUnionOrganizationInput {
  @IdInputField('Internal identifier of the union.')
  id: string;

  @VersionField()
  version: number;

  @TextInputField('New name.', 200, { nullable: true, min: 2 })
  name?: string | null;

  @CreditCodesInputField('New list of covered enterprises (e.g. an enterprise joining a joint union).', 1000, ENTERPRISES, {
    nullable: true,
  })
  enterpriseCreditCodes?: string[] | null;

  @TextInputField('New chair.', 40, { nullable: true })
  chairName?: string | null;

  @CountInputField('New number of members.', { nullable: true, ...MEMBERS })
  memberCount?: number | null;
}
