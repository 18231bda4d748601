import { Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput, WageArrearsAlertsArgs } from './wage-arrears.input';
import { createAlert, WAGE_ARREARS_ALERT_LIST, updateAlert } from './wage-arrears.service';

@Resolver(() => WageArrearsAlert)
export class WageArrearsAlertResolver extends RecordQueries({
  list: WAGE_ARREARS_ALERT_LIST,
  name: 'wageArrearsAlerts',
  args: WageArrearsAlertsArgs,
  description:
    'Wage-arrears warnings that the filter matches, newest raised first (same-day ones by number); cursor pagination. ' +
    "Each warning's fields keep their own data classes. A filter on a non-PUBLIC field is FORBIDDEN to all but HR_BUREAU staff.",
  connection: 'A page of wage-arrears warnings.',
}) {
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
