import { buildIndicator, Department, Indicator, IndicatorsKey, Public, readIndicatorsKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UnionRequestContext } from '../request-context';
import { countEnterprisesWithContract, countEnterprisesWithUnion, countMediationCases, rateMediationSuccess } from './indicators.service';

const ZONE_ONLY = 'Whole zone only: empty when a district is asked for, as the union keeps no district for these records.';

/** The union's figures of a period. Coverage ratios take the labour bureau's `enterprisesKnown` as denominator, on the client. */
@Resolver(() => IndicatorsKey)
export class IndicatorsResolver {
  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Union mediation cases applied for in the period (工会调解受理数, UNION). ${ZONE_ONLY}`,
  })
  @Public()
  async mediationCases(@Root() key: IndicatorsKey, @Ctx() ctx: UnionRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.UNION);
    if (scope.district !== '') return null;
    return buildIndicator('count', await countMediationCases(ctx.em, period), scope, false);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Mediation success rate (调解成功率, UNION): of the union mediation cases closed in the period, the share closed with an agreement; cases are the closed ones. ${ZONE_ONLY}`,
  })
  @Public()
  async mediationSuccessRate(@Root() key: IndicatorsKey, @Ctx() ctx: UnionRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.UNION);
    if (scope.district !== '') return null;
    return buildIndicator('rate', await rateMediationSuccess(ctx.em, period), scope, false);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Union mediation cases closed in the period with an agreement (调解成功数, UNION): with the labour bureau's arbitrationCases, the numerator of the share of disputes settled by mediation. ${ZONE_ONLY}`,
  })
  @Public()
  async mediationAgreed(@Root() key: IndicatorsKey, @Ctx() ctx: UnionRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.UNION);
    if (scope.district !== '') return null;
    const [row] = await rateMediationSuccess(ctx.em, period);
    return buildIndicator('count', [{ district: null, cases: row?.hits ?? 0 }], scope, false);
  }

  @FieldResolver(() => Indicator, {
    description:
      "Enterprises covered by a union organisation at the period's end (建会企业数, UNION), by the organisation's district; union coverage is this over the labour bureau's enterprisesKnown.",
  })
  @Public()
  async enterprisesWithUnion(@Root() key: IndicatorsKey, @Ctx() ctx: UnionRequestContext): Promise<Indicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.UNION);
    return buildIndicator('count', await countEnterprisesWithUnion(ctx.em, period), scope);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: `Enterprises with a collective contract in force on the period's last day (集体合同覆盖企业数, UNION); collective-contract coverage is this over enterprisesKnown. ${ZONE_ONLY}`,
  })
  @Public()
  async enterprisesWithContract(@Root() key: IndicatorsKey, @Ctx() ctx: UnionRequestContext): Promise<Indicator | null> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.UNION);
    if (scope.district !== '') return null;
    return buildIndicator('count', await countEnterprisesWithContract(ctx.em, period), scope, false);
  }
}
