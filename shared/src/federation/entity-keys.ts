import { Directive, Field, ObjectType } from 'type-graphql';
import { Public } from '../permissions/data-class';

/**
 * Federated entities as seen by a subgraph that does not own them: the key alone. Each department
 * adds its own fields to them with a resolver in its own folder (e.g. `Enterprise.mediationCases`).
 */

@ObjectType('Dispute', {
  description:
    'One labour dispute (劳动争议) as it travels between departments: mediation, arbitration, lawsuit, legal aid. Nobody owns it alone; each department contributes its stage.',
})
@Directive('@key(fields: "disputeNo")')
export class Dispute {
  @Field({ description: 'Dispute number (争议编号), given by the department where the dispute first arrived: LD-<dept>-<year>-<seq>.' })
  @Public()
  disputeNo: string;
}

@ObjectType('Enterprise', {
  description: "An enterprise of the labour bureau's file (一企一档), owned by HR_BUREAU; this department adds its records about it.",
})
@Directive('@key(fields: "creditCode")')
export class EnterpriseKey {
  @Field({ description: 'Unified social credit code (统一社会信用代码).' })
  @Public()
  creditCode: string;
}

@ObjectType('Worker', {
  description: 'A worker of the social-insurance register, owned by HR_BUREAU; this department adds its cases about the same person.',
})
@Directive('@key(fields: "personRef")')
export class WorkerKey {
  @Field({ description: 'Cross-department link to the person (人员关联码).' })
  @Public()
  personRef: string;
}

@ObjectType('Indicators', {
  description:
    'The figures of one period and district (统计指标) for analysts and the joint meeting. Nobody owns it alone: each department adds the figures of its own data. `district` "" is the whole zone.',
})
@Directive('@key(fields: "period district")')
export class IndicatorsKey {
  @Field({ description: 'Period (统计期): a year `YYYY`, a quarter `YYYY-Qn` or a month `YYYY-MM`.' })
  @Public()
  period: string;

  @Field({ description: 'District or town (区/街镇) the figures are limited to; "" for the whole zone.' })
  @Public()
  district: string;
}
