import { EnterpriseKey, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PeopleMediationCommittee } from '../committee/people-mediation-committee.entity';
import type { JusticeContext } from '../context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's records about an enterprise of HR_BUREAU's file, by its credit code. */
@Resolver(() => EnterpriseKey)
export class EnterpriseResolver {
  @FieldResolver(() => [LegalAidCase], { nullable: true, description: 'Legal-aid cases against this enterprise as the opposing employer (JUSTICE), newest first.' })
  @Public()
  legalAidCases(@Root() enterprise: EnterpriseKey, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.legalAidByCreditCode.load(enterprise.creditCode);
  }

  @FieldResolver(() => [PeopleMediationCase], { nullable: true, description: 'People\'s mediation cases about this enterprise (JUSTICE), newest first.' })
  @Public()
  peopleMediationCases(@Root() enterprise: EnterpriseKey, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.peopleMediationByCreditCode.load(enterprise.creditCode);
  }

  @FieldResolver(() => [PeopleMediationCommittee], { nullable: true, description: 'Its own enterprise-level people\'s mediation committees (企业人民调解委员会, JUSTICE).' })
  @Public()
  peopleMediationCommittees(@Root() enterprise: EnterpriseKey, @Ctx() ctx: JusticeContext) {
    return ctx.loaders.committeesByCreditCode.load(enterprise.creditCode);
  }
}
