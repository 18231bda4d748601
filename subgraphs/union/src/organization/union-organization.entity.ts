import { ArrayType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, capped, ListCap, Personal, Public, PublicDateField, RecordName, StringField } from '@labour/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum UnionKind {
  ENTERPRISE = 'ENTERPRISE',
  JOINT = 'JOINT',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(UnionKind, {
  name: 'UnionKind',
  description: 'Form of a grassroots union organisation (基层工会类型).',
  valuesConfig: {
    ENTERPRISE: { description: 'Union of one enterprise (企业工会)' },
    JOINT: { description: 'Joint union of several small enterprises, e.g. in a building or park (联合工会)' },
    INDUSTRY: { description: 'Industry union covering the enterprises of one trade (行业工会)' },
  },
});

/** The most enterprises one union covers (a joint union's): its inputs refuse more. */
export const MAX_COVERED_ENTERPRISES = 1000;

/** A grassroots union (基层工会) and the enterprises it covers (建会). */
@ObjectType('UnionOrganization', {
  description: 'A grassroots union organisation (基层工会) and the enterprises it covers. Owned by UNION.',
})
@RecordName('Union organisation')
@Entity({ tableName: 'union_organization' })
@Index({
  name: 'union_organization_enterprise_credit_codes_idx',
  expression: 'create index "union_organization_enterprise_credit_codes_idx" on "union_organization" using gin ("enterprise_credit_codes")',
})
export class UnionOrganization extends BaseRecord {
  @StringField('Name of the union (工会名称).', Public(), { length: 200 })
  name: string;

  @Field(() => UnionKind, { description: 'Form of the union (工会类型).' })
  @Public()
  @Enum({ items: () => UnionKind })
  kind: UnionKind;

  @Field(() => [String], {
    description: capped(
      'Credit codes (统一社会信用代码) of the enterprises it covers: one for an enterprise union, several for a joint union.',
      MAX_COVERED_ENTERPRISES,
      'a union covers no more',
    ),
  })
  @Public()
  @ListCap(MAX_COVERED_ENTERPRISES)
  @Property({ type: ArrayType, columnType: 'text[]' })
  enterpriseCreditCodes: string[];

  @StringField('District or town where it is registered (所属街镇/片区).', Public(), { length: 50, index: true })
  district: string;

  @PublicDateField('Date the union was founded (建会日期).')
  foundedOn: string;

  @Field({ description: 'Name of the union chair (工会主席). Personal data.' })
  @Personal('name')
  @Property({ length: 40 })
  chairName: string;

  @Field(() => Int, { description: 'Number of members (会员人数).' })
  @Public()
  @Property()
  memberCount: number;
}
