import { bounded, EnterpriseKey, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HardshipAid } from '../aid/hardship-aid.entity';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import type { UnionRequestContext } from '../request-context';
import { CollectiveContract } from '../contract/collective-contract.entity';
import { MediationCase } from '../mediation/mediation-case.entity';
import { coveringUnion } from '../organization/organization.service';
import { UnionOrganization } from '../organization/union-organization.entity';

/** The union's records about an enterprise of the labour bureau's file, each list through one loader. */
@Resolver(() => EnterpriseKey)
export class EnterpriseResolver {
  @FieldResolver(() => UnionOrganization, {
    nullable: true,
    description: 'The grassroots union covering this enterprise (所属工会); null when it has none (未建会).',
  })
  @Public()
  async unionOrganization(@Root() enterprise: EnterpriseKey, @Ctx() ctx: UnionRequestContext) {
    return coveringUnion(await ctx.loaders.organizationsByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [CollectiveContract], {
    nullable: true,
    description: bounded('Collective contracts of this enterprise (UNION), latest effective first.', RECORDS_BOUND),
  })
  @Public()
  collectiveContracts(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'contracts') first: number,
    @Ctx() ctx: UnionRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.contractsByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [MediationCase], {
    nullable: true,
    description: bounded('Union mediation cases against this enterprise (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  mediationCases(@Root() enterprise: EnterpriseKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: UnionRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.mediationByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [HardshipAid], {
    nullable: true,
    description: bounded('Hardship aid granted to workers of this enterprise (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  hardshipAids(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'grants of aid') first: number,
    @Ctx() ctx: UnionRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.aidsByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [LegalConsultation], {
    nullable: true,
    description: bounded('Legal consultations concerning this enterprise (UNION), newest first.', RECORDS_BOUND),
  })
  @Public()
  legalConsultations(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'consultations') first: number,
    @Ctx() ctx: UnionRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.consultationsByCreditCode.load(enterprise.creditCode));
  }
}
