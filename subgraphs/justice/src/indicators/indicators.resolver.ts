import { buildIndicator, Department, Indicator, IndicatorsKey, Public, readIndicatorsKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JusticeRequestContext } from '../request-context';
import { countLegalAid } from './indicators.service';

const ZONE_ONLY = 'Whole zone only: empty when a district is asked for, as legal-aid cases carry no district.';

/** The justice bureau's figures of a period. */
@Resolver(() => IndicatorsKey)
export class IndicatorsResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Legal-aid applications received in the period (法律援助申请数, JUSTICE). ${ZONE_ONLY}`,
  })
  @Public()
  async legalAidCases(@Root() key: IndicatorsKey, @Ctx() ctx: JusticeRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.JUSTICE);
    if (scope.district !== '') return null;
    const [row] = await countLegalAid(ctx.em, period);
    return buildIndicator('count', [{ district: null, cases: row?.cases ?? 0 }], scope, false);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Legal aid granted in the period (法律援助受理数, JUSTICE). ${ZONE_ONLY}`,
  })
  @Public()
  async legalAidGranted(@Root() key: IndicatorsKey, @Ctx() ctx: JusticeRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.JUSTICE);
    if (scope.district !== '') return null;
    const [row] = await countLegalAid(ctx.em, period);
    return buildIndicator('count', [{ district: null, cases: row?.hits ?? 0 }], scope, false);
  }
}
