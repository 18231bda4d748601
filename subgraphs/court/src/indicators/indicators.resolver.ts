import { buildIndicator, Department, Indicator, IndicatorsKey, Public, readIndicatorsKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CourtRequestContext } from '../request-context';
import { countLawsuits } from './indicators.service';

const ZONE_ONLY = 'Whole zone only: empty when a district is asked for, as the court keeps no district for its cases.';

/** The court's figures of a period. */
@Resolver(() => IndicatorsKey)
export class IndicatorsResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Labour lawsuits filed in the period (劳动争议收案数, COURT). ${ZONE_ONLY}`,
  })
  @Public()
  async lawsuitsFiled(@Root() key: IndicatorsKey, @Ctx() ctx: CourtRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.COURT);
    if (scope.district !== '') return null;
    const [row] = await countLawsuits(ctx.em, period);
    return buildIndicator('count', [{ district: null, cases: row?.cases ?? 0 }], scope, false);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Labour lawsuits filed in the period that are now on appeal (上诉案件数, COURT). ${ZONE_ONLY}`,
  })
  @Public()
  async lawsuitsAppealed(@Root() key: IndicatorsKey, @Ctx() ctx: CourtRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.COURT);
    if (scope.district !== '') return null;
    const [row] = await countLawsuits(ctx.em, period);
    return buildIndicator('count', [{ district: null, cases: row?.hits ?? 0 }], scope, false);
  }
}
