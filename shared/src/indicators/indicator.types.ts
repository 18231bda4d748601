import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { capped, ListCap } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';
import { DecimalScalar } from '../scalars';

// Value types every department returns from its own `Indicators` fields: `@shareable` for composition.

/** The most district cells a figure has: a zone or a city has a few dozen districts and towns. */
export const MAX_DISTRICTS = 500;

/** A PUBLIC field typed by its property: the same as writing `@Field({ description })` and `@Public()`. */
function PublicField(description: string): PropertyDecorator {
  const field = Field({ description });
  const publicField = Public();
  return (target, property) => {
    publicField(target, property);
    field(target, property);
  };
}

/** What the `suppressed` of a district cell says, of a count or rate as of an amount. */
const CELL_SUPPRESSED =
  "Whether the cell is withheld (抑制) from a reader outside the owning department's staff: it rests on fewer than 5 cases, or it is withheld beside such a cell so that the total and the other cells do not give it away.";

@ObjectType('IndicatorCell', {
  description:
    "One district's share of a figure (分区数据). Outside the owning department's staff, small cells and the cells that would give them away are withheld.",
})
@Directive('@shareable')
export class IndicatorCell {
  @PublicField('District or town (区/街镇).')
  district: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The figure for this district: a count, or a rate between 0 and 1; empty when suppressed or when a rate has no cases.',
  })
  @Public()
  value: number | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the figure is built from (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @PublicField(CELL_SUPPRESSED)
  suppressed: boolean;
}

@ObjectType('Indicator', {
  description:
    'One figure of a period (统计指标): a count or a rate, with its breakdown by district where the department knows the district.',
})
@Directive('@shareable')
export class Indicator {
  @Field(() => Float, {
    nullable: true,
    description: 'The figure: a count, or a rate between 0 and 1 (rounded to 4 places); empty when suppressed or when a rate has no cases.',
  })
  @Public()
  value: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many cases the figure is built from (样本数; for a rate its denominator); empty when suppressed.',
  })
  @Public()
  cases: number | null;

  @Field({
    description:
      "Whether the figure is withheld (抑制) from a reader outside the owning department's staff: one district's figure when its cell of the zone is withheld, or the zone's total when it would give a withheld cell away.",
  })
  @Public()
  suppressed: boolean;

  @Field(() => [IndicatorCell], {
    description: capped(
      'The figure by district (分区), in district order; empty when the department keeps no district for these cases.',
      MAX_DISTRICTS,
      'a zone has far fewer',
    ),
  })
  @Public()
  @ListCap(MAX_DISTRICTS)
  byDistrict: IndicatorCell[];
}

@ObjectType('AmountIndicatorCell', {
  description:
    "One district's share of an amount (分区金额). Outside the owning department's staff, small cells and the cells that would give them away are withheld, and amounts are rounded.",
})
@Directive('@shareable')
export class AmountIndicatorCell {
  @PublicField('District or town (区/街镇).')
  district: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Amount in yuan (金额), rounded as the figure's `roundedTo` says; empty when suppressed.",
  })
  @Public()
  amount: string | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the amount sums (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @PublicField(CELL_SUPPRESSED)
  suppressed: boolean;
}

@ObjectType('AmountIndicator', { description: 'An amount of a period (金额指标) with its breakdown by district.' })
@Directive('@shareable')
export class AmountIndicator {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Amount in yuan (金额): exact for the owning department's staff, else rounded to `roundedTo`; empty when suppressed.",
  })
  @Public()
  amount: string | null;

  @Field(() => Int, { nullable: true, description: 'How many cases the amount sums (样本数); empty when suppressed.' })
  @Public()
  cases: number | null;

  @Field({
    description:
      "Whether the amount is withheld (抑制) from a reader outside the owning department's staff: it sums fewer than 5 cases, or it is one district's amount whose cell of the zone is withheld, or the zone's total when it would give a withheld cell away.",
  })
  @Public()
  suppressed: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "The yuan every amount of this figure is rounded to (10000: to the nearest 万元) for a reader outside the owning department's staff; empty when the amounts are exact.",
  })
  @Public()
  roundedTo: number | null;

  @Field(() => [AmountIndicatorCell], {
    description: capped('The amount by district (分区), in district order.', MAX_DISTRICTS, 'a zone has far fewer'),
  })
  @Public()
  @ListCap(MAX_DISTRICTS)
  byDistrict: AmountIndicatorCell[];
}
