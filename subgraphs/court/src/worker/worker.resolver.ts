import { bounded, firstOf, FirstArg, Public, RECORDS_BOUND, WorkerKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtRequestContext } from '../request-context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

/** The court's cases about a worker of HR's register, found by personRef. */
@Resolver(() => WorkerKey)
export class WorkerCourtResolver {
  @FieldResolver(() => [Lawsuit], {
    nullable: true,
    description: bounded('Labour lawsuits in which this worker is a plaintiff, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  lawsuits(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'lawsuits') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.lawsuitsByPlaintiff.load(worker.personRef));
  }

  @FieldResolver(() => [EnforcementCase], {
    nullable: true,
    description: bounded('Enforcement cases this worker applied for, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  enforcementCases(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.enforcementByApplicant.load(worker.personRef));
  }

  @FieldResolver(() => [JudicialConfirmation], {
    nullable: true,
    description: bounded('Judicial confirmations this worker applied for, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  judicialConfirmations(
    @Root() worker: WorkerKey,
    @FirstArg(RECORDS_BOUND, 'confirmations') first: number,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.confirmationsByApplicant.load(worker.personRef));
  }
}
