import { bounded, ConnectionType, firstOf, FirstArg, listBound, PAGE_BOUND, Public, RECORDS_BOUND } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import type { HrRequestContext } from '../request-context';
import { LaborInspection } from '../inspection/inspection.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';
import { Worker } from '../worker/worker.entity';
import { CreditCodeArgs } from './enterprise.args';
import { Enterprise } from './enterprise.entity';
import { CreateEnterpriseInput, EnterprisesArgs, UpdateEnterpriseInput } from './enterprise.input';
import { createEnterprise, listEnterprises, updateEnterprise } from './enterprise.service';

const EnterpriseConnection = ConnectionType(Enterprise, 'Enterprise', 'A page of enterprises from the enterprise file.');

/** An enterprise's registered workers: 56 at most in the demo zone (64 at ×20), far more in a real one. */
const WORKERS_BOUND = listBound(100, 1000);

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise of the file by its credit code; null when there is none.' })
  @Public()
  enterprise(@Args() { creditCode }: CreditCodeArgs, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.enterpriseByCreditCode.load(creditCode);
  }

  @Query(() => EnterpriseConnection, {
    description: bounded(
      'Enterprises of the file in credit-code order, filtered by district, industry or name; cursor pagination.',
      PAGE_BOUND,
    ),
  })
  @Public()
  enterprises(@Args() args: EnterprisesArgs, @Ctx() ctx: HrRequestContext) {
    return listEnterprises(ctx.em, args);
  }

  @Mutation(() => Enterprise, { description: 'Adds an enterprise to the file (建档). HR_BUREAU only.' })
  createEnterprise(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateEnterpriseInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return createEnterprise(ctx.em, input);
  }

  @Mutation(() => Enterprise, {
    description: 'Changes an enterprise in the file, at the version read (optimistic locking). HR_BUREAU only.',
  })
  updateEnterprise(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateEnterpriseInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return updateEnterprise(ctx.em, input);
  }

  @FieldResolver(() => [Worker], {
    nullable: true,
    description: bounded('Workers whose current employer this is (在册职工), by name.', WORKERS_BOUND),
  })
  @Public() // the list; each worker's name, ID number and phone are PERSONAL
  workers(@Root() enterprise: Enterprise, @FirstArg(WORKERS_BOUND, 'workers') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(WORKERS_BOUND, first, () => ctx.loaders.workersByEmployerId.load(enterprise.id));
  }

  @FieldResolver(() => [LaborInspection], {
    nullable: true,
    description: bounded('Labour-security inspections of this enterprise, newest first.', RECORDS_BOUND),
  })
  @Public()
  inspections(@Root() enterprise: Enterprise, @FirstArg(RECORDS_BOUND, 'inspections') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.inspectionsByEnterpriseId.load(enterprise.id));
  }

  @FieldResolver(() => [WageArrearsAlert], {
    nullable: true,
    description: bounded('Wage-arrears warnings against this enterprise, newest first.', RECORDS_BOUND),
  })
  @Public()
  wageArrearsAlerts(@Root() enterprise: Enterprise, @FirstArg(RECORDS_BOUND, 'warnings') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.alertsByEnterpriseId.load(enterprise.id));
  }

  @FieldResolver(() => [LayoffReport], {
    nullable: true,
    description: bounded('Mass-layoff reports of this enterprise, newest first.', RECORDS_BOUND),
  })
  @Public()
  layoffReports(@Root() enterprise: Enterprise, @FirstArg(RECORDS_BOUND, 'reports') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.layoffsByEnterpriseId.load(enterprise.id));
  }

  @FieldResolver(() => [ArbitrationCase], {
    nullable: true,
    description: bounded('Arbitration cases in which this enterprise is the respondent, newest first.', RECORDS_BOUND),
  })
  @Public()
  arbitrationCases(@Root() enterprise: Enterprise, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.arbitrationByRespondentId.load(enterprise.id));
  }
}
