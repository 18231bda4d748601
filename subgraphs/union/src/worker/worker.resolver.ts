import { bounded, firstOf, FirstArg, Public, RECORDS_BOUND, WorkerKey } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HardshipAid } from '../aid/hardship-aid.entity';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import type { UnionRequestContext } from '../request-context';
import { MediationCase } from '../mediation/mediation-case.entity';

/** The union's cases about a worker of the social-insurance register, found by personRef. */
@Resolver(() => WorkerKey)
export class WorkerResolver {
  @FieldResolver(() => [MediationCase], {
    nullable: true,
    description: bounded('Union mediation cases this worker applied for (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  mediationCases(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.mediationByPersonRef.load(worker.personRef));
  }

  @FieldResolver(() => [HardshipAid], {
    nullable: true,
    description: bounded('Hardship aid this worker received (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  hardshipAids(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'grants of aid') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.aidsByPersonRef.load(worker.personRef));
  }

  @FieldResolver(() => [LegalConsultation], {
    nullable: true,
    description: bounded('Legal consultations this worker asked for (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  legalConsultations(@Root() worker: WorkerKey, @FirstArg(RECORDS_BOUND, 'consultations') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.consultationsByPersonRef.load(worker.personRef));
  }
}
