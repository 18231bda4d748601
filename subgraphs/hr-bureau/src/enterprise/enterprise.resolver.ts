import { ConnectionType, Public } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import type { HrContext } from '../context';
import { LaborInspection } from '../inspection/inspection.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';
import { Worker } from '../worker/worker.entity';
import { CreditCodeArgs } from './enterprise.args';
import { Enterprise } from './enterprise.entity';
import { CreateEnterpriseInput, EnterprisesArgs, UpdateEnterpriseInput } from './enterprise.input';
import { createEnterprise, listEnterprises, updateEnterprise } from './enterprise.service';

export const EnterpriseConnection = ConnectionType(Enterprise, 'Enterprise', 'A page of enterprises from the enterprise file.');

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise of the file by its credit code; null when there is none.' })
  @Public()
  enterprise(@Args() { creditCode }: CreditCodeArgs, @Ctx() ctx: HrContext) {
    return ctx.loaders.enterpriseByCreditCode.load(creditCode);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises of the file in credit-code order, filtered by district, industry or name; cursor pagination.' })
  @Public()
  enterprises(@Args() args: EnterprisesArgs, @Ctx() ctx: HrContext) {
    return listEnterprises(ctx.em, args);
  }

  @Mutation(() => Enterprise, { description: 'Adds an enterprise to the file (建档). HR_BUREAU only.' })
  createEnterprise(@Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateEnterpriseInput, @Ctx() ctx: HrContext) {
    return createEnterprise(ctx.em, input);
  }

  @Mutation(() => Enterprise, { description: 'Changes an enterprise in the file, at the version read (optimistic locking). HR_BUREAU only.' })
  updateEnterprise(@Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateEnterpriseInput, @Ctx() ctx: HrContext) {
    return updateEnterprise(ctx.em, input);
  }

  @FieldResolver(() => [Worker], { nullable: true, description: 'Workers whose current employer this is (在册职工).' })
  @Public() // the list; each worker's name, ID number and phone are PERSONAL
  workers(@Root() enterprise: Enterprise, @Ctx() ctx: HrContext) {
    return ctx.loaders.workersByEmployerId.load(enterprise.id);
  }

  @FieldResolver(() => [LaborInspection], { nullable: true, description: 'Labour-security inspections of this enterprise, newest first.' })
  @Public()
  inspections(@Root() enterprise: Enterprise, @Ctx() ctx: HrContext) {
    return ctx.loaders.inspectionsByEnterpriseId.load(enterprise.id);
  }

  @FieldResolver(() => [WageArrearsAlert], { nullable: true, description: 'Wage-arrears warnings against this enterprise, newest first.' })
  @Public()
  wageArrearsAlerts(@Root() enterprise: Enterprise, @Ctx() ctx: HrContext) {
    return ctx.loaders.alertsByEnterpriseId.load(enterprise.id);
  }

  @FieldResolver(() => [LayoffReport], { nullable: true, description: 'Mass-layoff reports of this enterprise, newest first.' })
  @Public()
  layoffReports(@Root() enterprise: Enterprise, @Ctx() ctx: HrContext) {
    return ctx.loaders.layoffsByEnterpriseId.load(enterprise.id);
  }

  @FieldResolver(() => [ArbitrationCase], { nullable: true, description: 'Arbitration cases in which this enterprise is the respondent, newest first.' })
  @Public()
  arbitrationCases(@Root() enterprise: Enterprise, @Ctx() ctx: HrContext) {
    return ctx.loaders.arbitrationByRespondentId.load(enterprise.id);
  }
}
