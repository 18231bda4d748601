/**
 * Dispute numbers (争议编号) as every department writes them: `LD-<HR|UN|CT|JU>-<year>-<6 digits>`
 * (the same rule as `shared/src/ids/case-numbers.ts`). The console checks the form before it asks the
 * gateway, so a typing mistake is named at once instead of costing a request.
 */
const DISPUTE_NO_PATTERN = /^LD-(HR|UN|CT|JU)-(\d{4})-\d{6}$/;
export const DISPUTE_NO_EXAMPLE = 'LD-UN-2026-000123';

/** The number as the user meant it: surrounding spaces dropped, letters in upper case. */
export function normaliseDisputeNo(input: string): string {
  return input.trim().toUpperCase();
}

export function isDisputeNo(value: string): boolean {
  return DISPUTE_NO_PATTERN.test(value);
}
