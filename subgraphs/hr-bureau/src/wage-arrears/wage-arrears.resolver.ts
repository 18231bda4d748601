import { bounded, ConnectionType, listPage, PAGE_BOUND, Public } from '@labour/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput, WageArrearsAlertsArgs } from './wage-arrears.input';
import { createAlert, WAGE_ARREARS_ALERT_LIST, updateAlert } from './wage-arrears.service';

const WageArrearsAlertConnection = ConnectionType(WageArrearsAlert, 'WageArrearsAlert', 'A page of wage-arrears warnings.');

@Resolver(() => WageArrearsAlert)
export class WageArrearsAlertResolver {
  @Query(() => WageArrearsAlertConnection, {
    description: bounded(
      'Wage-arrears warnings that the filter matches, newest raised first (same-day ones by number); cursor pagination. ' +
        "Each warning's fields keep their own data classes. A filter on a non-PUBLIC field is FORBIDDEN to all but HR_BUREAU staff.",
      PAGE_BOUND,
    ),
  })
  @Public()
  wageArrearsAlerts(@Args() args: WageArrearsAlertsArgs, @Ctx() ctx: HrRequestContext, @Info() info: GraphQLResolveInfo) {
    return listPage(ctx.em, WAGE_ARREARS_ALERT_LIST, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
  }

  @Mutation(() => WageArrearsAlert, { description: 'Raises a wage-arrears warning. HR_BUREAU only.' })
  createWageArrearsAlert(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateWageArrearsAlertInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return createAlert(ctx.em, input);
  }

  @Mutation(() => WageArrearsAlert, {
    description: 'Changes or resolves an open wage-arrears warning (optimistic locking). HR_BUREAU only.',
  })
  updateWageArrearsAlert(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateWageArrearsAlertInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return updateAlert(ctx.em, input);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise owing the wages.' })
  @Public()
  enterprise(@Root() found: WageArrearsAlert, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.enterpriseById.load(found.enterprise.id);
  }
}
