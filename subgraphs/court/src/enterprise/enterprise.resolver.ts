import { bounded, EnterpriseKey, firstOf, FirstArg, Public, RECORDS_BOUND } from '@labour/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import type { CourtRequestContext } from '../request-context';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { JudicialSuggestion } from '../suggestion/judicial-suggestion.entity';

/** The court's records about an enterprise of HR's file, found by its credit code. */
@Resolver(() => EnterpriseKey)
export class EnterpriseCourtResolver {
  @FieldResolver(() => [Lawsuit], {
    nullable: true,
    description: bounded('Labour lawsuits in which this enterprise is a defendant, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  lawsuits(@Root() enterprise: EnterpriseKey, @FirstArg(RECORDS_BOUND, 'lawsuits') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.lawsuitsByDefendant.load(enterprise.creditCode));
  }

  @FieldResolver(() => [EnforcementCase], {
    nullable: true,
    description: bounded('Enforcement cases against this enterprise, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  enforcementCases(@Root() enterprise: EnterpriseKey, @FirstArg(RECORDS_BOUND, 'cases') first: number, @Ctx() ctx: CourtRequestContext) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.enforcementByRespondent.load(enterprise.creditCode));
  }

  @FieldResolver(() => [JudicialConfirmation], {
    nullable: true,
    description: bounded(
      'Judicial confirmations of mediation agreements this enterprise is party to, newest first (COURT).',
      RECORDS_BOUND,
    ),
  })
  @Public()
  judicialConfirmations(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'confirmations') first: number,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.confirmationsByEnterprise.load(enterprise.creditCode));
  }

  @FieldResolver(() => [JudicialSuggestion], {
    nullable: true,
    description: bounded('Judicial suggestions concerning this enterprise, newest first (COURT).', RECORDS_BOUND),
  })
  @Public()
  judicialSuggestions(
    @Root() enterprise: EnterpriseKey,
    @FirstArg(RECORDS_BOUND, 'suggestions') first: number,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return firstOf(RECORDS_BOUND, first, () => ctx.loaders.suggestionsByEnterprise.load(enterprise.creditCode));
  }
}
