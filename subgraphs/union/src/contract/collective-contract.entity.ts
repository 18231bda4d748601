import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, DecimalScalar, Public, PublicDateField, Shared, RecordName, CreditCodeColumn, StringField } from '@labour/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ContractKind {
  COMPREHENSIVE = 'COMPREHENSIVE',
  WAGE = 'WAGE',
  FEMALE_WORKERS = 'FEMALE_WORKERS',
  WORK_SAFETY = 'WORK_SAFETY',
}
registerEnumType(ContractKind, {
  name: 'ContractKind',
  description: 'Subject of a collective contract (集体合同类型).',
  valuesConfig: {
    COMPREHENSIVE: { description: 'Comprehensive collective contract (综合性集体合同)' },
    WAGE: { description: 'Collective wage agreement from wage bargaining (工资专项集体合同)' },
    FEMALE_WORKERS: { description: 'Special contract on the protection of female workers (女职工权益保护专项集体合同)' },
    WORK_SAFETY: { description: 'Special contract on work safety and health (劳动安全卫生专项集体合同)' },
  },
});

/** A collective contract (集体合同) between an enterprise and its workers, filed with the labour bureau. */
@ObjectType('CollectiveContract', {
  description: 'A collective contract (集体合同) of an enterprise, filed with the labour bureau. Owned by UNION.',
})
@RecordName('Collective contract')
@Entity({ tableName: 'collective_contract' })
// The order of the `collectiveContracts` list (the latest filed first, same day by number): a page reads only its rows.
@Index({
  name: 'collective_contract_filed_on_contract_no_idx',
  expression: 'create index "collective_contract_filed_on_contract_no_idx" on "collective_contract" ("filed_on" desc, "contract_no")',
})
// The list's filters by kind and by the day a contract takes effect (with expiresOn: whether it is in force).
@Index({ properties: ['kind'] })
@Index({ properties: ['effectiveOn'] })
export class CollectiveContract extends BaseRecord {
  @StringField('Contract number (合同编号), e.g. HT-2026-00012.', Public(), { length: 40, unique: true })
  contractNo: string;

  @Field({ description: 'Credit code of the enterprise (统一社会信用代码).' })
  @Public()
  @CreditCodeColumn()
  enterpriseCreditCode: string;

  @Field(() => ContractKind, { description: 'Subject of the contract.' })
  @Public()
  @Enum({ items: () => ContractKind })
  kind: ContractKind;

  @PublicDateField('Date the parties signed (签订日期).')
  signedOn: string;

  @PublicDateField('Date it was filed with the labour bureau (报送备案日期).')
  filedOn: string;

  @PublicDateField('Date it takes effect (生效日期): 15 days after filing unless the bureau objects, or later if agreed.')
  effectiveOn: string;

  @PublicDateField('Date it expires (到期日期).', { index: true })
  expiresOn: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Agreed wage increase in percent (工资增长幅度, %), e.g. "5.50".' })
  @Shared()
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  wageIncreasePct: string;

  @Field(() => Int, { description: 'Number of workers it covers (覆盖职工人数).' })
  @Public()
  @Property()
  coveredWorkers: number;
}
