import { Dispute, EnterpriseKey, Public, RecordQueries } from '@labour/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { JusticeRequestContext } from '../request-context';
import { LegalAidCaseNoArgs } from './legal-aid.args';
import { LegalAidCase, LegalAidStatus } from './legal-aid-case.entity';
import {
  CreateLegalAidCaseInput,
  GrantLegalAidInput,
  LegalAidCasesArgs,
  LegalAidCaseVersionInput,
  UpdateLegalAidCaseInput,
} from './legal-aid.input';
import * as service from './legal-aid.service';

@Resolver(() => LegalAidCase)
export class LegalAidCaseResolver extends RecordQueries({
  list: service.LEGAL_AID_CASE_LIST,
  byKey: { name: 'legalAidCase', args: LegalAidCaseNoArgs, description: 'A legal-aid case by its case number; null when there is none.' },
  name: 'legalAidCases',
  args: LegalAidCasesArgs,
  description:
    'Legal-aid cases the filter matches, newest application first (same-day cases by case number); cursor pagination. ' +
    "Each case's fields are read as anywhere else (SHARED ones only by the justice bureau or through a channel).",
  connection: 'A page of legal-aid cases.',
}) {
  @Mutation(() => LegalAidCase, {
    description: 'Registers an application for legal aid (受理申请), status APPLIED; the decision is due in 7 days.',
  })
  createLegalAidCase(@Arg('input', { description: 'The application.' }) input: CreateLegalAidCaseInput, @Ctx() ctx: JusticeRequestContext) {
    return service.createLegalAidCase(ctx.em, input, ctx.linkageKey);
  }

  @Mutation(() => LegalAidCase, { description: 'Changes the basis, hardship evidence or lawyer of a legal-aid case (optimistic locking).' })
  updateLegalAidCase(
    @Arg('input', { description: 'The case, the version read and the changes.' }) input: UpdateLegalAidCaseInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.updateLegalAidCase(ctx.em, input);
  }

  @Mutation(() => LegalAidCase, { description: 'Grants legal aid to an APPLIED case (准予援助), assigning its lawyer.' })
  grantLegalAid(
    @Arg('input', { description: 'The case, the version read, the date and the lawyer.' }) input: GrantLegalAidInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.grantLegalAid(ctx.em, input);
  }

  @Mutation(() => LegalAidCase, { description: 'Refuses legal aid to an APPLIED case (不予援助).' })
  refuseLegalAid(
    @Arg('input', { description: 'The case and the version read.' }) input: LegalAidCaseVersionInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.refuseLegalAid(ctx.em, input);
  }

  @Mutation(() => LegalAidCase, { description: 'Closes a GRANTED case when the aided matter is over (结案).' })
  closeLegalAidCase(
    @Arg('input', { description: 'The case and the version read.' }) input: LegalAidCaseVersionInput,
    @Ctx() ctx: JusticeRequestContext,
  ) {
    return service.closeLegalAidCase(ctx.em, input);
  }

  @FieldResolver(() => EnterpriseKey, { description: "The opposing employer (对方用人单位), resolved by the enterprise file's owner." })
  @Public()
  enterprise(@Root() found: LegalAidCase): EnterpriseKey {
    return { creditCode: found.enterpriseCreditCode };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the decision (decisionDueOn) is late: still APPLIED after the 7 days.' })
  @Public()
  overdue(@Root() found: LegalAidCase, @Ctx() ctx: JusticeRequestContext): boolean {
    return found.status === LegalAidStatus.APPLIED && found.decisionDueOn < ctx.today;
  }

  @FieldResolver(() => Dispute, { description: "The dispute this case is a stage of, with every department's stages." })
  @Public()
  dispute(@Root() found: LegalAidCase): Dispute {
    return { disputeNo: found.disputeNo };
  }
}
