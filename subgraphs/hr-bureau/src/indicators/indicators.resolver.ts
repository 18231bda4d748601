import {
  AmountIndicator,
  buildAmountIndicator,
  buildIndicator,
  Department,
  Indicator,
  IndicatorsKey,
  parsePeriod,
  Public,
  readIndicatorsKey,
  Shared,
} from '@labour/shared';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { IndicatorsArgs } from './indicators.args';
import { countArbitrationCases, countEnterprises, countLayoffReports, rateArbitrationClosure, sumOpenArrears } from './indicators.service';

/** The labour bureau's figures of a period, and the root field every department's figures hang from. */
@Resolver(() => IndicatorsKey)
export class IndicatorsResolver {
  @Query(() => IndicatorsKey, {
    description:
      "The figures of one period (统计指标), each contributed by the department that owns the data. Its own staff read a department's figures exactly; everyone else reads them with small district cells, and the cells that would give them away, withheld and amounts rounded to 10,000 yuan.",
  })
  @Public()
  indicators(@Args() { period, district }: IndicatorsArgs): IndicatorsKey {
    return { period: parsePeriod(period).label, district: district ?? '' };
  }

  @FieldResolver(() => Indicator, {
    description:
      'Arbitration in-period closure rate (仲裁按期结案率, HR_BUREAU): of the accepted cases whose award deadline fell in the period and has passed, the share closed by it.',
  })
  @Public()
  async arbitrationClosureRate(@Root() key: IndicatorsKey, @Ctx() ctx: HrRequestContext): Promise<Indicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.HR_BUREAU);
    return buildIndicator('rate', await rateArbitrationClosure(ctx.em, period, ctx.today), scope);
  }

  @FieldResolver(() => Indicator, {
    description: "Arbitration cases filed in the period (仲裁立案数, HR_BUREAU), by the respondent's district.",
  })
  @Public()
  async arbitrationCases(@Root() key: IndicatorsKey, @Ctx() ctx: HrRequestContext): Promise<Indicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.HR_BUREAU);
    return buildIndicator('count', await countArbitrationCases(ctx.em, period), scope);
  }

  @FieldResolver(() => AmountIndicator, {
    nullable: true,
    description:
      "Wage arrears named by the warnings still open at the period's end (期末未结欠薪金额, HR_BUREAU); cases are the warnings. SHARED, as the amounts it sums: another department reads it through a sharing channel granting Indicators.openArrearsAmount, else null and FORBIDDEN; the bureau's analysts and a channel's consumers read it rounded, with complementary suppression.",
  })
  @Shared({ statistic: true })
  async openArrearsAmount(@Root() key: IndicatorsKey, @Ctx() ctx: HrRequestContext): Promise<AmountIndicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.HR_BUREAU);
    return buildAmountIndicator(await sumOpenArrears(ctx.em, period), scope);
  }

  @FieldResolver(() => Indicator, { description: 'Mass-layoff reports received in the period (规模裁员报告数, HR_BUREAU).' })
  @Public()
  async layoffReports(@Root() key: IndicatorsKey, @Ctx() ctx: HrRequestContext): Promise<Indicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.HR_BUREAU);
    return buildIndicator('count', await countLayoffReports(ctx.em, period), scope);
  }

  @FieldResolver(() => Indicator, {
    description:
      "Enterprises on the labour bureau's file at the period's end (在册企业数, HR_BUREAU): the denominator of union and collective-contract coverage.",
  })
  @Public()
  async enterprisesKnown(@Root() key: IndicatorsKey, @Ctx() ctx: HrRequestContext): Promise<Indicator> {
    const { period, scope } = readIndicatorsKey(key, ctx.principal, Department.HR_BUREAU);
    return buildIndicator('count', await countEnterprises(ctx.em, period), scope);
  }
}
