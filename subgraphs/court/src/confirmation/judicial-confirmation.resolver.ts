import { bounded, ConnectionType, listPage, Dispute, EnterpriseKey, isOverdue, PAGE_BOUND, Public } from '@labour/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
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

const JudicialConfirmationConnection = ConnectionType(
  JudicialConfirmation,
  'JudicialConfirmation',
  'A page of judicial confirmations, newest application first.',
);

@Resolver(() => JudicialConfirmation)
export class JudicialConfirmationResolver {
  @Query(() => JudicialConfirmation, {
    nullable: true,
    description: 'A judicial confirmation by its case number; null when there is none.',
  })
  @Public()
  judicialConfirmation(@Args() { caseNo }: JudicialConfirmationCaseNoArgs, @Ctx() ctx: CourtRequestContext) {
    return ctx.em.findOne(JudicialConfirmation, { caseNo });
  }

  @Query(() => JudicialConfirmationConnection, {
    description: bounded(
      'Judicial confirmations, newest application first (same day: by case number), filtered by status, dates, overdue, ' +
        'employer, mediation case and dispute; cursor pagination. Each reads as it does by `judicialConfirmation(caseNo)`.',
      PAGE_BOUND,
    ),
  })
  @Public()
  judicialConfirmations(@Args() args: JudicialConfirmationsArgs, @Ctx() ctx: CourtRequestContext, @Info() info: GraphQLResolveInfo) {
    return listPage(ctx.em, service.JUDICIAL_CONFIRMATION_LIST, args, { schema: info.schema, principal: ctx.principal, today: ctx.today });
  }

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
