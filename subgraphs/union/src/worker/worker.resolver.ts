import { WorkerKey, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HardshipAid } from '../aid/hardship-aid.entity';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import type { UnionContext } from '../context';
import { MediationCase } from '../mediation/mediation-case.entity';

/** The union's cases about a worker of the social-insurance register, found by personRef. */
@Resolver(() => WorkerKey)
export class WorkerResolver {
  @FieldResolver(() => [MediationCase], { nullable: true, description: 'Union mediation cases this worker applied for (UNION), newest first.' })
  @Public()
  mediationCases(@Root() worker: WorkerKey, @Ctx() ctx: UnionContext) {
    return ctx.loaders.mediationByPersonRef.load(worker.personRef);
  }

  @FieldResolver(() => [HardshipAid], { nullable: true, description: 'Hardship aid this worker received (UNION), newest first.' })
  @Public()
  hardshipAids(@Root() worker: WorkerKey, @Ctx() ctx: UnionContext) {
    return ctx.loaders.aidsByPersonRef.load(worker.personRef);
  }

  @FieldResolver(() => [LegalConsultation], { nullable: true, description: 'Legal consultations this worker asked for (UNION), newest first.' })
  @Public()
  legalConsultations(@Root() worker: WorkerKey, @Ctx() ctx: UnionContext) {
    return ctx.loaders.consultationsByPersonRef.load(worker.personRef);
  }
}
