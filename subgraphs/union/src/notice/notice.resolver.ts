import { bounded, CrossDepartment, Dispute, EnterpriseKey, Public, WorkerKey } from '@labour/shared';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { INPUT_ARG } from '../common/input-arg';
import type { UnionRequestContext } from '../request-context';
import { NoticeIdArgs, NOTICES_BOUND, NoticesArgs } from './notice.args';
import { isNoticeOverdue, Notice } from './notice.entity';
import { AcknowledgeNoticeInput, AnswerNoticeInput, SendNoticeInput } from './notice.input';
import { acknowledgeNotice, answerNotice, listNotices, noticeFor, sendNotice } from './notice.service';

/**
 * Notices between departments over sharing channels (重大隐患马上报、典型问题定期报). Every department's
 * writers reach the mutations (`@CrossDepartment()`); the service lets only the channel's provider send
 * and only the recipient acknowledge and answer. A notice is visible to its sender and recipient only.
 */
@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => [Notice], {
    description: bounded(
      "Notices the caller's department sent or received, newest first; filters combine. Asking for notices between two other departments is FORBIDDEN.",
      NOTICES_BOUND,
    ),
  })
  @Public()
  notices(@Args() args: NoticesArgs, @Ctx() ctx: UnionRequestContext) {
    return listNotices(ctx.em, args, ctx.principal, ctx.today);
  }

  @Query(() => Notice, {
    nullable: true,
    description: 'A notice by its id, for its sender or recipient department (others get FORBIDDEN); null when there is none.',
  })
  @Public()
  notice(@Args() { id }: NoticeIdArgs, @Ctx() ctx: UnionRequestContext) {
    return noticeFor(ctx.em, id, ctx.principal);
  }

  @Mutation(() => Notice, {
    description:
      "Sends a notice (发送通报) over an ACTIVE channel the caller's department provides, to one of its consumers; due T+2 working days. A retry with the same idempotencyKey returns the first notice.",
  })
  @CrossDepartment()
  sendNotice(@Arg('input', INPUT_ARG) input: SendNoticeInput, @Ctx() ctx: UnionRequestContext) {
    return sendNotice(ctx.em, input, ctx.principal, ctx.clock.now());
  }

  @Mutation(() => Notice, {
    description: 'Acknowledges a SENT notice (签收): status ACKNOWLEDGED. Only a writing role of the recipient department.',
  })
  @CrossDepartment()
  acknowledgeNotice(@Arg('input', INPUT_ARG) input: AcknowledgeNoticeInput, @Ctx() ctx: UnionRequestContext) {
    return acknowledgeNotice(ctx.em, input, ctx.principal, ctx.clock.now());
  }

  @Mutation(() => Notice, {
    description: 'Answers an ACKNOWLEDGED notice (答复): status ANSWERED. Only a writing role of the recipient department.',
  })
  @CrossDepartment()
  answerNotice(@Arg('input', INPUT_ARG) input: AnswerNoticeInput, @Ctx() ctx: UnionRequestContext) {
    return answerNotice(ctx.em, input, ctx.principal, ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'Whether it is not answered and its due day (dueOn) has passed (逾期).' })
  @Public()
  overdue(@Root() notice: Notice, @Ctx() ctx: UnionRequestContext): boolean {
    return isNoticeOverdue(notice, ctx.today);
  }

  @FieldResolver(() => EnterpriseKey, { nullable: true, description: 'The enterprise it is about, when its subject is an enterprise.' })
  @Public()
  enterprise(@Root() notice: Notice): EnterpriseKey | null {
    return notice.enterpriseCreditCode ? { creditCode: notice.enterpriseCreditCode } : null;
  }

  @FieldResolver(() => Dispute, {
    nullable: true,
    description: 'The dispute it is about, when its subject is a dispute (always for a REFERRAL).',
  })
  @Public()
  dispute(@Root() notice: Notice): Dispute | null {
    return notice.disputeNo ? { disputeNo: notice.disputeNo } : null;
  }

  @FieldResolver(() => WorkerKey, { nullable: true, description: 'The worker it is about, when its subject is a worker.' })
  @Public()
  worker(@Root() notice: Notice): WorkerKey | null {
    return notice.personRef ? { personRef: notice.personRef } : null;
  }
}
