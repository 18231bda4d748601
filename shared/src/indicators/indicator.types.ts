import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { capped, ListCap } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';
import { DecimalScalar } from '../scalars';

// Value types every department returns from its own `Indicators` fields: `@shareable` for composition.

/** The most district cells a figure has: a zone or a city has a few dozen districts and towns. */
export const MAX_DISTRICTS = 500;

@ObjectType('IndicatorCell', { description: 'One district\'s share of a figure (分区数据). For analysts a cell built from fewer than 5 cases is suppressed.' })
@Directive('@shareable')
export class IndicatorCell {
  @Field({ description: 'District or town (区/街镇).' })
  @Public()
  district: string;

  @Field(() => Float, { nullable: true, description: 'The figure for this district: a count, or a rate between 0 and 1; empty when suppressed or when a rate has no cases.' })
  @Public()
  value: number | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the figure is built from (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @Field({ description: 'Whether the cell is withheld because it rests on fewer than 5 cases (小样本抑制); only for analysts.' })
  @Public()
  suppressed: boolean;
}

@ObjectType('Indicator', { description: 'One figure of a period (统计指标): a count or a rate, with its breakdown by district where the department knows the district.' })
@Directive('@shareable')
export class Indicator {
  @Field(() => Float, { nullable: true, description: 'The figure: a count, or a rate between 0 and 1 (rounded to 4 places); empty when suppressed or when a rate has no cases.' })
  @Public()
  value: number | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the figure is built from (样本数; for a rate its denominator); empty when suppressed.' })
  @Public()
  cases: number | null;

  @Field({ description: 'Whether the figure is withheld (小样本抑制): only for an analyst asking for one district with fewer than 5 cases.' })
  @Public()
  suppressed: boolean;

  @Field(() => [IndicatorCell], {
    description: capped('The figure by district (分区), in district order; empty when the department keeps no district for these cases.', MAX_DISTRICTS, 'a zone has far fewer'),
  })
  @Public()
  @ListCap(MAX_DISTRICTS)
  byDistrict: IndicatorCell[];
}

@ObjectType('AmountIndicatorCell', { description: 'One district\'s share of an amount (分区金额). For analysts a cell built from fewer than 5 cases is suppressed.' })
@Directive('@shareable')
export class AmountIndicatorCell {
  @Field({ description: 'District or town (区/街镇).' })
  @Public()
  district: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in yuan (金额); empty when suppressed.' })
  @Public()
  amount: string | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the amount sums (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @Field({ description: 'Whether the cell is withheld because it rests on fewer than 5 cases (小样本抑制); only for analysts.' })
  @Public()
  suppressed: boolean;
}

@ObjectType('AmountIndicator', { description: 'An amount of a period (金额指标) with its breakdown by district.' })
@Directive('@shareable')
export class AmountIndicator {
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in yuan (金额); empty when suppressed.' })
  @Public()
  amount: string | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the amount sums (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @Field({ description: 'Whether the amount is withheld (小样本抑制): only for an analyst asking for one district with fewer than 5 cases.' })
  @Public()
  suppressed: boolean;

  @Field(() => [AmountIndicatorCell], { description: capped('The amount by district (分区), in district order.', MAX_DISTRICTS, 'a zone has far fewer') })
  @Public()
  @ListCap(MAX_DISTRICTS)
  byDistrict: AmountIndicatorCell[];
}
