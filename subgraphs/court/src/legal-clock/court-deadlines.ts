import { addDays, addMonths, COURT_PERIODS } from '@labour/shared';

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
