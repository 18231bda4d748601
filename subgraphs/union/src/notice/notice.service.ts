import { UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  addWorkingDays,
  assertTransition,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  sizeWithin,
  stepByStep,
  todayInChina,
  updateVersioned,
  type Department,
  type Principal,
  type TransitionTable,
} from '@labour/shared';
import { ChannelEffectiveStatus, SharingChannel, effectiveStatusOf } from '../channel/sharing-channel.entity';
import { assertParty, assertWriterOf, callerDepartment } from './notice-access';
import { NOTICES_BOUND, type NoticesArgs } from './notice.args';
import { Notice, NoticeKind, NoticeStatus } from './notice.entity';
import type { AcknowledgeNoticeInput, AnswerNoticeInput, SendNoticeInput } from './notice.input';
import { actingOfficial } from '../common/acting-official';

const { SENT, ACKNOWLEDGED, ANSWERED } = NoticeStatus;

/** A notice is acknowledged, then answered; nothing goes back. */
const NOTICE_TRANSITIONS: TransitionTable<NoticeStatus> = stepByStep(SENT, ACKNOWLEDGED, ANSWERED);

/** The recipient answers within two working days of sending (T+2). */
export const NOTICE_ANSWER_WORKING_DAYS = 2;

/** What makes two sends the same notice: everything the sender chose. */
const CONTENT = ['channelCode', 'recipient', 'kind', 'severity', 'enterpriseCreditCode', 'disputeNo', 'personRef', 'summary'] as const;
type Content = { [K in (typeof CONTENT)[number]]: Notice[K] };

/** A send's content as a notice stores it: a subject left out as null, the summary trimmed. */
function contentOf(input: SendNoticeInput): Content {
  const content = Object.fromEntries(CONTENT.map((key) => [key, input[key] ?? null])) as Content;
  return { ...content, summary: input.summary.trim() };
}

/** The first notice of a retried send, or CONFLICT when the same key was used for something else. */
function sameOrConflict(found: Notice, content: Content): Notice {
  const differing = CONTENT.filter((key) => found[key] !== content[key]);
  if (differing.length) {
    throw new ConflictError(
      `Idempotency key ${found.idempotencyKey} was already used by ${found.sender} for another notice (differs in ${differing.join(', ')}): use a new key for a new notice`,
    );
  }
  return found;
}

function subjectViolations(input: SendNoticeInput) {
  const named = [input.enterpriseCreditCode, input.disputeNo, input.personRef].filter((v) => v != null).length;
  if (named !== 1) {
    return [
      { field: 'enterpriseCreditCode', rule: `must name exactly one subject (enterpriseCreditCode, disputeNo or personRef), not ${named}` },
    ];
  }
  if (input.kind === NoticeKind.REFERRAL && input.disputeNo == null) {
    return [{ field: 'disputeNo', rule: "is required for a REFERRAL: the receiving department's new case joins the same dispute" }];
  }
  return [];
}

/** Refuses a channel the sender may not send over: another provider's (FORBIDDEN), not active, or not naming the recipient. */
async function assertChannel(em: EntityManager, input: SendNoticeInput, sender: Department, today: string): Promise<void> {
  const channel = await em.findOne(SharingChannel, { code: input.channelCode });
  if (!channel) throw new BadUserInputError({ field: 'channelCode', rule: `names no sharing channel: ${input.channelCode}` });
  if (channel.provider !== sender) {
    throw new ForbiddenError(`Channel ${channel.code} is provided by ${channel.provider}: only its provider sends notices over it`);
  }
  const status = effectiveStatusOf(channel, today);
  if (status !== ChannelEffectiveStatus.ACTIVE) {
    throw new BadUserInputError({ field: 'channelCode', rule: `is ${status}: notices travel only over an ACTIVE channel` });
  }
  if (channel.validFrom > today) {
    throw new BadUserInputError({
      field: 'channelCode',
      rule: `is in force only from ${channel.validFrom}: notices travel only over a channel in force`,
    });
  }
  if (!channel.consumers.includes(input.recipient)) {
    throw new BadUserInputError({
      field: 'recipient',
      rule: `is not a consumer of channel ${channel.code} (it names ${channel.consumers.join(', ')}): a notice goes only to a department the channel names`,
    });
  }
}

/**
 * Sends a notice as a writing role of the caller's department over a channel it provides. A retry with
 * the same idempotency key returns the first notice (even once the channel has been suspended: it was
 * sent while it was active); the same key with other content is a CONFLICT.
 */
export async function sendNotice(em: EntityManager, input: SendNoticeInput, principal: Principal | null, now: Date): Promise<Notice> {
  const sender = callerDepartment(principal);
  assertWriterOf(principal, sender, 'send');
  const content = contentOf(input);
  const earlier = await em.findOne(Notice, { sender, idempotencyKey: input.idempotencyKey });
  if (earlier) return sameOrConflict(earlier, content);

  const violations = subjectViolations(input);
  if (violations.length) throw new BadUserInputError(violations);
  const today = todayInChina(now);
  await assertChannel(em, input, sender, today);
  const created = em.create(Notice, {
    ...content,
    idempotencyKey: input.idempotencyKey,
    sender,
    sentAt: now,
    dueOn: addWorkingDays(today, NOTICE_ANSWER_WORKING_DAYS),
  });
  try {
    await em.flush();
    return created;
  } catch (error) {
    // Two sends with one key at the same moment: the database keeps one; the other gets it back.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    const winner = await em.findOneOrFail(Notice, { sender, idempotencyKey: input.idempotencyKey });
    return sameOrConflict(winner, content);
  }
}

/**
 * The recipient moves notice `input.id` on to `status` (`action` names it in a refusal): the caller must
 * write for the recipient, the transition must be allowed and `input.version` current; `record` notes who and when.
 */
async function moveOnAsRecipient(
  em: EntityManager,
  input: { id: string; version: number },
  principal: Principal | null,
  action: string,
  status: NoticeStatus,
  record: (notice: Notice, caller: ReturnType<typeof assertWriterOf>) => void,
): Promise<Notice> {
  const found = await em.findOneOrFail(Notice, { id: input.id });
  const caller = assertWriterOf(principal, found.recipient, action);
  return updateVersioned(
    em,
    found,
    input.version,
    (notice) => {
      assertTransition(NOTICE_TRANSITIONS, notice.status, status);
      notice.status = status;
      record(notice, caller);
    },
    `Notice ${input.id}`,
  );
}

export function acknowledgeNotice(
  em: EntityManager,
  input: AcknowledgeNoticeInput,
  principal: Principal | null,
  now: Date,
): Promise<Notice> {
  return moveOnAsRecipient(em, input, principal, 'acknowledge', ACKNOWLEDGED, (notice, caller) => {
    notice.acknowledgedAt = now;
    notice.acknowledgedBy = actingOfficial(caller);
  });
}

export function answerNotice(em: EntityManager, input: AnswerNoticeInput, principal: Principal | null, now: Date): Promise<Notice> {
  return moveOnAsRecipient(em, input, principal, 'answer', ANSWERED, (notice, caller) => {
    notice.answer = input.answer.trim();
    notice.answeredAt = now;
    notice.answeredBy = actingOfficial(caller);
  });
}

/** A notice by id, for its sender or recipient; others get FORBIDDEN. */
export async function noticeFor(em: EntityManager, id: string, principal: Principal | null): Promise<Notice | null> {
  const found = await em.findOne(Notice, { id });
  if (found) assertParty(principal, found);
  return found;
}

/**
 * The caller's department's notices, sent or received, newest first. Filters naming only other
 * departments (e.g. sender COURT, recipient HR_BUREAU for a UNION caller) are FORBIDDEN.
 */
export function listNotices(em: EntityManager, args: NoticesArgs, principal: Principal | null, today: string): Promise<Notice[]> {
  const limit = sizeWithin(NOTICES_BOUND, args.first);
  const own = callerDepartment(principal);
  const { sender, recipient } = args;
  if (sender && recipient && sender !== own && recipient !== own) {
    throw new ForbiddenError(`Notices from ${sender} to ${recipient} are visible to those two departments only`);
  }
  const where: FilterQuery<Notice>[] = [{ $or: [{ sender: own }, { recipient: own }] }];
  if (sender) where.push({ sender });
  if (recipient) where.push({ recipient });
  if (args.status) where.push({ status: args.status });
  if (args.overdue === true) where.push({ status: { $ne: ANSWERED }, dueOn: { $lt: today } });
  if (args.overdue === false) where.push({ $or: [{ status: ANSWERED }, { dueOn: { $gte: today } }] });
  return em.find(Notice, { $and: where }, { orderBy: { sentAt: 'desc', id: 'asc' }, limit });
}
