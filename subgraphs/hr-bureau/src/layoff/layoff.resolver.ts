import { bounded, ConnectionType, listPage, PAGE_BOUND, Public } from '@labour/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { LayoffReport } from './layoff-report.entity';
import { CreateLayoffReportInput, LayoffReportsArgs, UpdateLayoffReportInput } from './layoff.input';
import { createLayoffReport, LAYOFF_REPORT_LIST, updateLayoffReport } from './layoff.service';

const LayoffReportConnection = ConnectionType(LayoffReport, 'LayoffReport', 'A page of mass-layoff reports.');

@Resolver(() => LayoffReport)
export class LayoffReportResolver {
  @Query(() => LayoffReportConnection, {
    description: bounded(
      'Mass-layoff reports that the filter matches, newest filed first (same-day ones by number); cursor pagination. ' +
        "Each report's fields keep their own data classes.",
      PAGE_BOUND,
    ),
  })
  @Public()
  layoffReports(@Args() args: LayoffReportsArgs, @Ctx() ctx: HrRequestContext, @Info() info: GraphQLResolveInfo) {
    return listPage(ctx.em, LAYOFF_REPORT_LIST, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
  }

  @Mutation(() => LayoffReport, { description: 'Files a mass-layoff report. HR_BUREAU only.' })
  createLayoffReport(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateLayoffReportInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return createLayoffReport(ctx.em, input);
  }

  @Mutation(() => LayoffReport, { description: 'Changes a layoff report (optimistic locking). HR_BUREAU only.' })
  updateLayoffReport(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateLayoffReportInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return updateLayoffReport(ctx.em, input);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise laying off workers.' })
  @Public()
  enterprise(@Root() found: LayoffReport, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.enterpriseById.load(found.enterprise.id);
  }
}
