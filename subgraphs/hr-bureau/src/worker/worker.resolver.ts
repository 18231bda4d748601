import { bounded, firstOf, FirstArg, LookupBy, personRefOf, Public, RECORDS_BOUND } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import type { HrRequestContext } from '../request-context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { IdNumberArgs } from './worker.args';
import { Worker } from './worker.entity';
import { CreateWorkerInput, UpdateWorkerInput } from './worker.input';
import { createWorker, updateWorker } from './worker.service';

@Resolver(() => Worker)
export class WorkerResolver {
  @Query(() => Worker, {
    nullable: true,
    description:
      'A worker by resident identity number: the number is validated and turned into personRef; null when not registered. Only for who may read Worker.idNumber in clear (HR_BUREAU, or a department a sharing channel grants it to): FORBIDDEN for everyone else; rate-limited per caller (RATE_LIMITED).',
  })
  @Public() // the result's own fields keep their classes; who may call it at all is @LookupBy's rule
  @LookupBy({ arg: 'idNumber', field: 'Worker.idNumber' })
  worker(@Args() { idNumber }: IdNumberArgs, @Ctx() ctx: HrRequestContext) {
    return ctx.loaders.workerByPersonRef.load(personRefOf(idNumber, ctx.linkageKey));
  }

  @Mutation(() => Worker, { description: 'Registers a worker (登记). HR_BUREAU only.' })
  createWorker(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: CreateWorkerInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return createWorker(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => Worker, { description: 'Changes a registered worker, at the version read (optimistic locking). HR_BUREAU only.' })
  updateWorker(
    @Arg('input', { description: 'What to record: see the fields of the input type.' }) input: UpdateWorkerInput,
    @Ctx() ctx: HrRequestContext,
  ) {
    return updateWorker(ctx.em, input, ctx.linkageKey);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'Current employer (用人单位); null between jobs.' })
  @Public() // an enterprise cannot be masked like text; the worker's own fields are PERSONAL
  employer(@Root() worker: Worker, @Ctx() ctx: HrRequestContext) {
    return worker.employer ? ctx.loaders.enterpriseById.load(worker.employer.id) : null;
  }

  @FieldResolver(() => [ArbitrationCase], {
    nullable: true,
    description: bounded('Arbitration cases in which this worker is an applicant, newest first.', RECORDS_BOUND),
  })
  @Public()
  arbitrationCases(@Root() worker: Worker, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: HrRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.arbitrationByPersonRef.load(worker.personRef));
  }
}
