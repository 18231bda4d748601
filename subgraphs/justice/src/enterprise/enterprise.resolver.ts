import { bounded, EnterpriseKey, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PeopleMediationCommittee } from '../committee/people-mediation-committee.entity';
import type { JusticeRequestContext } from '../request-context';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** The justice bureau's records about an enterprise of HR_BUREAU's file, by its credit code. */
@Resolver(() => EnterpriseKey)
export class EnterpriseResolver {
  @FieldResolver(() => [LegalAidCase], {
    nullable: true,
    description: bounded('Legal-aid cases against this enterprise as the opposing employer (JUSTICE), newest first.', RECORDS_BOUND),
  })
  @Public()
  legalAidCases(@Root() enterprise: EnterpriseKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: JusticeRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.legalAidByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [PeopleMediationCase], {
    nullable: true,
    description: bounded("People's mediation cases about this enterprise (JUSTICE), newest first.", RECORDS_BOUND),
  })
  @Public()
  peopleMediationCases(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'cases') first: number,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.peopleMediationByCreditCode.load(enterprise.creditCode));
  }

  @FieldResolver(() => [PeopleMediationCommittee], {
    nullable: true,
    description: bounded("Its own enterprise-level people's mediation committees (企业人民调解委员会, JUSTICE).", RECORDS_BOUND),
  })
  @Public()
  peopleMediationCommittees(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'committees') first: number,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.committeesByCreditCode.load(enterprise.creditCode));
  }
}
