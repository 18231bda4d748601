import { Public, WorkerKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtContext } from '../context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

/** The court's cases about a worker of HR's register, found by personRef. */
@Resolver(() => WorkerKey)
export class WorkerCourtResolver {
  @FieldResolver(() => [Lawsuit], { nullable: true, description: 'Labour lawsuits in which this worker is a plaintiff, newest first (COURT).' })
  @Public()
  lawsuits(@Root() worker: WorkerKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.lawsuitsByPlaintiff.load(worker.personRef);
  }

  @FieldResolver(() => [EnforcementCase], { nullable: true, description: 'Enforcement cases this worker applied for, newest first (COURT).' })
  @Public()
  enforcementCases(@Root() worker: WorkerKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.enforcementByApplicant.load(worker.personRef);
  }

  @FieldResolver(() => [JudicialConfirmation], { nullable: true, description: 'Judicial confirmations this worker applied for, newest first (COURT).' })
  @Public()
  judicialConfirmations(@Root() worker: WorkerKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.confirmationsByApplicant.load(worker.personRef);
  }
}
