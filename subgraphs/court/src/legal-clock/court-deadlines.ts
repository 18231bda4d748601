import { addDays, addMonths } from '@labour/shared';

/**
 * The court's statutory periods. Kept here rather than in shared `LEGAL_PERIODS` because only the
 * court counts them; month periods follow 民法典第202条: the same day of the final month, or its last
 * day when that month is shorter.
 */
export const COURT_PERIODS = {
  /** First instance under ordinary procedure is concluded within 6 months of filing (民事诉讼法第152条). */
  firstInstanceMonths: 6,
  /** An appeal (民终) is concluded within 3 months of its filing (民事诉讼法第183条). */
  appealTrialMonths: 3,
  /** A party may appeal a first-instance judgment within 15 days of its service (民事诉讼法第171条). */
  appealDays: 15,
  /** The court decides on judicial confirmation within 15 days of the application (司法确认程序若干规定第6条). */
  confirmationDays: 15,
  /** Enforcement with assets to enforce is concluded within 6 months of filing (办理执行案件若干期限的规定第1条). */
  enforcementMonths: 6,
  /** The recipient of a judicial suggestion answers in writing within 2 months (司法建议工作规定). */
  suggestionReplyMonths: 2,
} as const;

/** Whether a court case number is an appeal (民终): its trial period is shorter and its judgment final. */
export const isAppealCaseNo = (caseNo: string): boolean => caseNo.includes('民终');

/** Trial deadline of a lawsuit: 6 months from filing at first instance, 3 months on appeal. */
export function trialDueOn(caseNo: string, filedOn: string): string {
  return addMonths(filedOn, isAppealCaseNo(caseNo) ? COURT_PERIODS.appealTrialMonths : COURT_PERIODS.firstInstanceMonths);
}

/** Last day to appeal a first-instance judgment (counted from the judgment date, as service is not recorded). */
export const appealDueOn = (judgmentOn: string): string => addDays(judgmentOn, COURT_PERIODS.appealDays);
export const confirmationDueOn = (appliedOn: string): string => addDays(appliedOn, COURT_PERIODS.confirmationDays);
export const enforcementDueOn = (filedOn: string): string => addMonths(filedOn, COURT_PERIODS.enforcementMonths);
export const suggestionReplyDueOn = (issuedOn: string): string => addMonths(issuedOn, COURT_PERIODS.suggestionReplyMonths);

