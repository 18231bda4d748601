import { ForbiddenError, readsAsAnalyst, type Department, type Principal } from '@labour/shared';
import type { UnionRequestContext } from '../request-context';

/**
 * The texts of a meeting's record (minutes, decisions' summaries, follow-ups' notes and results, agenda
 * items' reasons) speak of cases and enterprises the departments discussed in confidence: they are for
 * the participating departments' staff alone. Analysts, whatever their department, see aggregates, not
 * case texts (as the permission layer's analyst view does). What a meeting is (time, place, kind, status,
 * who takes part, the agenda's subjects, who leads a decision and by when) stays PUBLIC.
 *
 * The fields are `@Public()` for the permission layer, which knows data classes but not records: the
 * check here is per meeting, like a notice's sender and recipient. Every such field resolves through here.
 */
function readsMeetingRecord(principal: Principal | null, participating: readonly Department[]): boolean {
  return principal !== null && !readsAsAnalyst(principal) && participating.includes(principal.department);
}

/** `text` for a reader of the record of a meeting with these participating departments, else FORBIDDEN (null at the field). */
export function recordText<T>(
  principal: Principal | null,
  meeting: { participatingDepartments: readonly Department[] } | null,
  what: string,
  text: T,
): T {
  if (meeting && readsMeetingRecord(principal, meeting.participatingDepartments)) return text;
  if (principal && meeting?.participatingDepartments.includes(principal.department)) {
    throw new ForbiddenError(`${what} of a joint meeting are for its participating departments' staff; analysts read no case texts`);
  }
  throw new ForbiddenError(`${what} of a joint meeting are for its participating departments`);
}

/** As recordText, for a row that names its meeting (decision, agenda item); the meeting is usually in the request already. */
export async function meetingText<T>(ctx: UnionRequestContext, meetingId: string, what: string, text: T): Promise<T> {
  return recordText(ctx.principal, await ctx.loaders.meetingById.load(meetingId), what, text);
}

/** As recordText, for a follow-up: through its decision to the meeting. */
export async function decisionText<T>(ctx: UnionRequestContext, decisionId: string, what: string, text: T): Promise<T> {
  const decision = await ctx.loaders.decisionById.load(decisionId);
  if (!decision) return recordText(ctx.principal, null, what, text);
  return meetingText(ctx, decision.meetingId, what, text);
}
