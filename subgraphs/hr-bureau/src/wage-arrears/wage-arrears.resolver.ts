import { Public } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput } from './wage-arrears.input';
import { createAlert, updateAlert } from './wage-arrears.service';

@Resolver(() => WageArrearsAlert)
export class WageArrearsAlertResolver {
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
