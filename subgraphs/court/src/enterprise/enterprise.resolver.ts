import { EnterpriseKey, Public } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtContext } from '../context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { JudicialSuggestion } from '../suggestion/judicial-suggestion.entity';

/** The court's records about an enterprise of HR's file, found by its credit code. */
@Resolver(() => EnterpriseKey)
export class EnterpriseCourtResolver {
  @FieldResolver(() => [Lawsuit], { nullable: true, description: 'Labour lawsuits in which this enterprise is a defendant, newest first (COURT).' })
  @Public()
  lawsuits(@Root() enterprise: EnterpriseKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.lawsuitsByDefendant.load(enterprise.creditCode);
  }

  @FieldResolver(() => [EnforcementCase], { nullable: true, description: 'Enforcement cases against this enterprise, newest first (COURT).' })
  @Public()
  enforcementCases(@Root() enterprise: EnterpriseKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.enforcementByRespondent.load(enterprise.creditCode);
  }

  @FieldResolver(() => [JudicialConfirmation], { nullable: true, description: 'Judicial confirmations of mediation agreements this enterprise is party to, newest first (COURT).' })
  @Public()
  judicialConfirmations(@Root() enterprise: EnterpriseKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.confirmationsByEnterprise.load(enterprise.creditCode);
  }

  @FieldResolver(() => [JudicialSuggestion], { nullable: true, description: 'Judicial suggestions concerning this enterprise, newest first (COURT).' })
  @Public()
  judicialSuggestions(@Root() enterprise: EnterpriseKey, @Ctx() ctx: CourtContext) {
    return ctx.loaders.suggestionsByEnterprise.load(enterprise.creditCode);
  }
}
