import { Dispute, EnterpriseKey, isOverdue, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CourtRequestContext } from '../request-context';
import { JudicialConfirmationCaseNoArgs } from './judicial-confirmation.args';
import { JudicialConfirmation } from './judicial-confirmation.entity';
import {
  CreateJudicialConfirmationInput,
  DecideJudicialConfirmationInput,
  UpdateJudicialConfirmationInput,
} from './judicial-confirmation.input';
import { JudicialConfirmationsArgs } from './judicial-confirmation-list.input';
import * as service from './judicial-confirmation.service';

@Resolver(() => JudicialConfirmation)
export class JudicialConfirmationResolver extends RecordQueries({
  list: service.JUDICIAL_CONFIRMATION_LIST,
  byKey: {
    name: 'judicialConfirmation',
    args: JudicialConfirmationCaseNoArgs,
    description: 'A judicial confirmation by its case number; null when there is none.',
  },
  name: 'judicialConfirmations',
  args: JudicialConfirmationsArgs,
  description:
    'Judicial confirmations, newest application first (same day: by case number), filtered by status, dates, overdue, ' +
    'employer, mediation case and dispute; cursor pagination. Each reads as it does by `judicialConfirmation(caseNo)`.',
  connection: 'A page of judicial confirmations, newest application first.',
}) {
  @Mutation(() => JudicialConfirmation, {
    description: 'Registers an application for judicial confirmation (司法确认申请), status APPLIED; the decision is due in 15 days.',
  })
  createJudicialConfirmation(
    @Arg('input', { description: 'The application to register.' }) input: CreateJudicialConfirmationInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.createJudicialConfirmation(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => JudicialConfirmation, { description: 'Corrects the parties of a pending application (optimistic locking).' })
  updateJudicialConfirmation(
    @Arg('input', { description: 'The application, the version read and the corrections.' }) input: UpdateJudicialConfirmationInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.updateJudicialConfirmation(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => JudicialConfirmation, { description: 'Decides a pending application (裁定): APPLIED → CONFIRMED or REFUSED.' })
  decideJudicialConfirmation(
    @Arg('input', { description: 'The application, the version read and the decision.' }) input: DecideJudicialConfirmationInput,
    @Ctx() ctx: CourtRequestContext,
  ) {
    return service.decideJudicialConfirmation(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { description: 'The employer party to the mediation agreement.' })
  @Public()
  enterprise(@Root() found: JudicialConfirmation): EnterpriseKey {
    return { creditCode: found.enterpriseCreditCode };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the decision deadline (dueOn) has passed without a decision.' })
  @Public()
  overdue(@Root() found: JudicialConfirmation, @Ctx() ctx: CourtRequestContext): boolean {
    return isOverdue(found.dueOn, ctx.today);
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: JudicialConfirmation): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
