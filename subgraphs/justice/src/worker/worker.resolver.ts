import { WorkerKey, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JusticeContext } from '../context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's cases about a worker of HR_BUREAU's register, linked by personRef. */
@Resolver(() => WorkerKey)
export class WorkerResolver {
  @FieldResolver(() => [LegalAidCase], { nullable: true, description: 'Legal-aid cases in which this worker is the applicant (JUSTICE), newest first.' })
  @Public()
  legalAidCases(@Root() worker: WorkerKey, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.legalAidByPersonRef.load(worker.personRef);
  }

  @FieldResolver(() => [PeopleMediationCase], { nullable: true, description: 'People\'s mediation cases in which this worker is a party (JUSTICE), newest first.' })
  @Public()
  peopleMediationCases(@Root() worker: WorkerKey, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.peopleMediationByPersonRef.load(worker.personRef);
  }
}
