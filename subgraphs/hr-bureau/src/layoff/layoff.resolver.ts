import { Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { LayoffReport } from './layoff-report.entity';
import { CreateLayoffReportInput, LayoffReportsArgs, UpdateLayoffReportInput } from './layoff.input';
import { createLayoffReport, LAYOFF_REPORT_LIST, updateLayoffReport } from './layoff.service';

@Resolver(() => LayoffReport)
export class LayoffReportResolver extends RecordQueries({
  list: LAYOFF_REPORT_LIST,
  name: 'layoffReports',
  args: LayoffReportsArgs,
  description:
    'Mass-layoff reports that the filter matches, newest filed first (same-day ones by number); cursor pagination. ' +
    "Each report's fields keep their own data classes.",
  connection: 'A page of mass-layoff reports.',
}) {
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
