/**
 * Case-number styles of each body. Each pattern captures the year, which must match the filing year.
 * Examples: arbitration `京开劳人仲字〔2026〕第0123号`, court `（2026）京0115民初1234号`.
 */
export const CASE_NUMBER_STYLES = {
  /** Labour-dispute arbitration commission (劳动人事争议仲裁委员会). */
  arbitration: { pattern: /^[\u4e00-\u9fa5]{1,6}劳人仲字〔(\d{4})〕第\d{1,6}号$/u, example: '京开劳人仲字〔2026〕第0123号' },
  /** Union labour-dispute mediation (工会劳动争议调解). */
  unionMediation: { pattern: /^[\u4e00-\u9fa5]{1,6}工调字〔(\d{4})〕第\d{1,6}号$/u, example: '京开工调字〔2026〕第0123号' },
  /** Court first instance (民初), appeal (民终), special procedure (民特, judicial confirmation). */
  courtCivil: { pattern: /^（(\d{4})）[\u4e00-\u9fa5]\d{4}民(初|终|特)\d{1,6}号$/u, example: '（2026）京0115民初1234号' },
  /** Court enforcement (执). */
  courtEnforcement: { pattern: /^（(\d{4})）[\u4e00-\u9fa5]\d{4}执\d{1,6}号$/u, example: '（2026）京0115执567号' },
  /** Court judicial suggestion (司法建议). */
  judicialSuggestion: { pattern: /^（(\d{4})）[\u4e00-\u9fa5]\d{4}司建\d{1,6}号$/u, example: '（2026）京0115司建12号' },
  /** Legal aid (法律援助). */
  legalAid: { pattern: /^[\u4e00-\u9fa5]{1,6}法援〔(\d{4})〕第\d{1,6}号$/u, example: '京开法援〔2026〕第0123号' },
  /** People's mediation (人民调解). */
  peopleMediation: { pattern: /^[\u4e00-\u9fa5]{1,6}人调〔(\d{4})〕第\d{1,6}号$/u, example: '京开人调〔2026〕第0123号' },
} as const;

export type CaseNumberStyle = keyof typeof CASE_NUMBER_STYLES;

/**
 * Dispute number (争议编号): given by the department where the dispute first arrives and carried by
 * every referral. `LD-<dept>-<year>-<6 digits>`, dept one of HR, UN, CT, JU.
 */
export const DISPUTE_NO_PATTERN = /^LD-(HR|UN|CT|JU)-(\d{4})-\d{6}$/;
export const DISPUTE_NO_EXAMPLE = 'LD-UN-2026-000123';

/** The year a case number carries, or null when it does not follow the style. */
export function caseNumberYear(style: CaseNumberStyle, caseNo: string): number | null {
  const match = CASE_NUMBER_STYLES[style].pattern.exec(caseNo);
  return match ? Number(match[1]) : null;
}
