import { Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { InspectionStatus, LaborInspection } from './inspection.entity';
import { CreateLaborInspectionInput, LaborInspectionsArgs, UpdateLaborInspectionInput } from './inspection.input';
import { createInspection, LABOR_INSPECTION_LIST, updateInspection } from './inspection.service';

@Resolver(() => LaborInspection)
export class LaborInspectionResolver extends RecordQueries({
  list: LABOR_INSPECTION_LIST,
  name: 'laborInspections',
  args: LaborInspectionsArgs,
  description:
    'Labour-security inspections that the filter matches, newest inspection first (same-day ones by number); cursor pagination. ' +
    "Each inspection's fields keep their own data classes.",
  connection: 'A page of labour-security inspections.',
}) {
  @Mutation(() => LaborInspection, { description: 'Records a labour-security inspection. HR_BUREAU only.' })
  createLaborInspection(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateLaborInspectionInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return createInspection(ctx.em, input);
  }

  @Mutation(() => LaborInspection, { description: 'Changes an inspection: findings or stage (optimistic locking). HR_BUREAU only.' })
  updateLaborInspection(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateLaborInspectionInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return updateInspection(ctx.em, input);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The inspected enterprise.' })
  @Public()
  enterprise(@Root() found: LaborInspection, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.enterpriseById.load(found.enterprise.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the rectification ordered (RECTIFYING) is past its deadline (rectificationDueOn) without the inspection closed.',
  })
  @Public()
  overdue(@Root() found: LaborInspection, @Ctx() ctx: HrRequestContext): boolean {
    return found.status === InspectionStatus.RECTIFYING && found.rectificationDueOn !== null && found.rectificationDueOn < ctx.today;
  }
}
