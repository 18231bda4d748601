/**
 * The court's statutory periods, which the court's deadlines and the demo world's cases both count. Month
 * periods follow 民法典第202条: the same day of the final month, or its last day when that month is shorter.
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
