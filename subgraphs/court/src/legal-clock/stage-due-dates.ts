import { appealDueOn, confirmationDueOn, enforcementDueOn, isAppealCaseNo, suggestionReplyDueOn, trialDueOn } from './court-deadlines';

/**
 * The `dueOn` a record keeps for its current stage, from the record alone: what the services set at each
 * transition, computed at once for records that arrive whole (demo data, imports).
 */

export function lawsuitDueOnOf(l: { caseNo: string; stage: string; filedOn: string; judgmentOn: string | null }): string | null {
  if (l.stage === 'FILED' || l.stage === 'IN_TRIAL') return trialDueOn(l.caseNo, l.filedOn);
  if (l.stage === 'JUDGED' && l.judgmentOn && !isAppealCaseNo(l.caseNo)) return appealDueOn(l.judgmentOn);
  return null;
}

export const confirmationDueOnOf = (c: { status: string; appliedOn: string }): string | null =>
  c.status === 'APPLIED' ? confirmationDueOn(c.appliedOn) : null;

export const enforcementDueOnOf = (e: { status: string; filedOn: string }): string | null =>
  e.status === 'OPEN' ? enforcementDueOn(e.filedOn) : null;

export const suggestionDueOnOf = (s: { issuedOn: string; repliedOn: string | null }): string | null =>
  s.repliedOn === null ? suggestionReplyDueOn(s.issuedOn) : null;
