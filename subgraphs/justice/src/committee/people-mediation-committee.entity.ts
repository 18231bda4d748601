import { Check, Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Public, PublicDateField, RecordName, StringField } from '@labour/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CommitteeLevel {
  ENTERPRISE = 'ENTERPRISE',
  INDUSTRY = 'INDUSTRY',
  TOWN = 'TOWN',
  ZONE = 'ZONE',
  DISTRICT = 'DISTRICT',
}
registerEnumType(CommitteeLevel, {
  name: 'CommitteeLevel',
  description: "Level of a people's mediation committee in the five-level network (五级调解网络).",
  valuesConfig: {
    ENTERPRISE: { description: 'Inside one enterprise (企业人民调解委员会)' },
    INDUSTRY: { description: 'For one industry (行业性人民调解委员会)' },
    TOWN: { description: 'For a town or sub-district (街镇人民调解委员会)' },
    ZONE: { description: 'For the development zone (园区人民调解委员会)' },
    DISTRICT: { description: 'For the whole district (区级人民调解委员会)' },
  },
});

/** A people's mediation committee (人民调解委员会); an ENTERPRISE-level one sits inside one enterprise. */
@ObjectType('PeopleMediationCommittee', {
  description: "A people's mediation committee (人民调解委员会) of the five-level network. Owned by JUSTICE.",
})
@RecordName("People's mediation committee")
@Entity({ tableName: 'people_mediation_committee' })
// Kept by the database too: an enterprise committee names its enterprise, the other levels none.
@Check({ name: 'people_mediation_committee_enterprise_check', expression: "(level = 'ENTERPRISE') = (enterprise_credit_code is not null)" })
export class PeopleMediationCommittee extends BaseRecord<'enterpriseCreditCode'> {
  @StringField('Committee code (调委会编码).', Public(), { length: 40, unique: true })
  code: string;

  @StringField('Name (名称).', Public(), { length: 200 })
  name: string;

  @Field(() => CommitteeLevel, { description: 'Level in the five-level network (层级).' })
  @Public()
  @Enum({ items: () => CommitteeLevel })
  @Index()
  level: CommitteeLevel;

  @StringField('District or town it serves (所属街镇/片区).', Public(), { length: 50, index: true })
  district: string;

  /** The enterprise of an ENTERPRISE-level committee, by credit code (HR_BUREAU's file, so no foreign key). */
  @Property({ length: 18, nullable: true })
  @Index()
  enterpriseCreditCode: string | null = null;

  @Field(() => Int, { description: "Number of people's mediators (人民调解员人数)." })
  @Public()
  @Property()
  mediatorCount: number;

  @PublicDateField('Date the committee was established (成立日期).')
  establishedOn: string;
}
