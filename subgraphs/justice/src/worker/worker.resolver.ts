import { bounded, firstOf, FirstArg, Public, RECORDS_BOUND, WorkerKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JusticeRequestContext } from '../request-context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's cases about a worker of HR_BUREAU's register, linked by personRef. */
@Resolver(() => WorkerKey)
export class WorkerResolver {
  @FieldResolver(() => [LegalAidCase], {
    nullable: true,
    description: bounded('Legal-aid cases in which this worker is the applicant (JUSTICE), newest first.', RECORDS_BOUND),
  })
  @Public()
  legalAidCases(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.legalAidByPersonRef.load(worker.personRef));
  }

  @FieldResolver(() => [PeopleMediationCase], {
    nullable: true,
    description: bounded("People's mediation cases in which this worker is a party (JUSTICE), newest first.", RECORDS_BOUND),
  })
  @Public()
  peopleMediationCases(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.peopleMediationByPersonRef.load(worker.personRef));
  }
}
