import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, DateScalar, Public, RecordName, StringField } from '@labour/shared';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Ownership {
  STATE_OWNED = 'STATE_OWNED',
  COLLECTIVE = 'COLLECTIVE',
  PRIVATE = 'PRIVATE',
  FOREIGN_INVESTED = 'FOREIGN_INVESTED',
  HK_MACAO_TAIWAN_INVESTED = 'HK_MACAO_TAIWAN_INVESTED',
  JOINT_STOCK = 'JOINT_STOCK',
}

registerEnumType(Ownership, {
  name: 'Ownership',
  description: 'Ownership type of an enterprise (企业性质).',
  valuesConfig: {
    STATE_OWNED: { description: 'State-owned (国有)' },
    COLLECTIVE: { description: 'Collectively owned (集体)' },
    PRIVATE: { description: 'Private (民营)' },
    FOREIGN_INVESTED: { description: 'Foreign-invested (外商投资)' },
    HK_MACAO_TAIWAN_INVESTED: { description: 'Hong Kong, Macao or Taiwan invested (港澳台投资)' },
    JOINT_STOCK: { description: 'Joint-stock (股份制)' },
  },
});

/** An enterprise in the labour bureau's file: one enterprise, one file (一企一档). Owned by HR_BUREAU. */
@ObjectType('Enterprise', {
  description:
    "An enterprise in the labour bureau's enterprise file (一企一档). Owned by HR_BUREAU; other departments add their records about it.",
})
@Directive('@key(fields: "creditCode")')
@RecordName('Enterprise')
@Entity({ tableName: 'enterprise' })
export class Enterprise extends BaseRecord {
  @StringField('Unified social credit code (统一社会信用代码, USCC): 18 characters with a check character.', Public(), {
    length: 18,
    unique: true,
  })
  creditCode: string;

  @Field({ nullable: true, description: 'Registered name (企业名称).' })
  @Public()
  @Property({ length: 200 })
  name: string;

  @Field({ nullable: true, description: 'Industry (所属行业).' })
  @Public()
  @Property({ length: 50 })
  @Index()
  industry: string;

  @Field({ nullable: true, description: 'District or town of the development zone where it operates (所属街镇/片区).' })
  @Public()
  @Property({ length: 50 })
  @Index()
  district: string;

  @Field({ nullable: true, description: 'Business address (经营地址).' })
  @Public()
  @Property({ length: 300 })
  address: string;

  @Field(() => Ownership, { nullable: true, description: 'Ownership type (企业性质).' })
  @Public()
  @Enum({ items: () => Ownership })
  ownership: Ownership;

  @Field(() => Int, { nullable: true, description: 'Number of employees (职工人数) as last reported.' })
  @Public()
  @Property()
  employeeCount: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date of registration (成立日期).' })
  @Public()
  @Property({ type: 'date' })
  registeredOn: string;
}
