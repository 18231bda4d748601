import { capped, DateScalar, Department, EnterpriseKey, ListCap, Public, RiskSignal, RiskSignalKind } from '@labour/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { AGENDA_BOUND } from './agenda.args';

/** Each department gives at most one signal of each kind about an enterprise. */
const SIGNAL_KINDS = Object.keys(RiskSignalKind).length;

@ObjectType('AgendaSuggestion', {
  description: "An enterprise suggested for the next joint meeting (建议议题), with every department's signals about it.",
})
export class AgendaSuggestion {
  @Field(() => EnterpriseKey, { description: 'The enterprise (一企一档): the gateway fills in its name and file from the labour bureau.' })
  @Public()
  enterprise: EnterpriseKey;

  @Field(() => Int, { description: "The sum of its signals' weights (风险分值): the higher, the sooner it should be discussed." })
  @Public()
  score: number;

  @Field(() => [RiskSignal], {
    description: capped(
      'Why: each signal with its source department, kind, weight and detail, heaviest first (预警信号).',
      SIGNAL_KINDS,
      'one of each kind',
    ),
  })
  @Public()
  @ListCap(SIGNAL_KINDS)
  signals: RiskSignal[];
}

@ObjectType('AgendaSuggestions', {
  description: 'Enterprises ranked by cross-department risk for the next joint meeting (事前预警议题建议).',
})
export class AgendaSuggestions {
  @Field(() => [AgendaSuggestion], {
    description: capped(
      'The enterprises, highest score first (ties by credit code); as many as `limit` asks.',
      AGENDA_BOUND.max,
      'the largest `limit`',
    ),
  })
  @Public()
  @ListCap(AGENDA_BOUND.max)
  items: AgendaSuggestion[];

  @Field(() => [Department], {
    description: capped(
      'Departments that could not be asked: their signals are missing from the scores (未响应部门).',
      3,
      'the other three departments',
    ),
  })
  @Public()
  @ListCap(3)
  missingSources: Department[];

  @Field(() => DateScalar, { description: 'The day the signals were computed as of; "recent" means the 90 days up to it (统计截止日).' })
  @Public()
  asOf: string;
}
