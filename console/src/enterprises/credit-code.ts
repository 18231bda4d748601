/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and A-Y without
 * I, O, S, V, Z, the last a check character over the first 17 (as `shared/src/ids/uscc.ts`). The search
 * box takes a name or a code: text that has the form of a code is looked up as one, and a code with a
 * wrong check character is named before anything is asked.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Whether the text looks like a credit code at all (18 letters and digits, no Chinese). */
export function looksLikeCreditCode(text: string): boolean {
  return /^[0-9A-Z]{18}$/.test(text);
}

export type CreditCodeProblem = 'alphabet' | 'check';

/** What is wrong with an 18-character code, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(code.charAt(i));
    if (value < 0) return 'alphabet';
    sum += value * WEIGHTS[i]!;
  }
  if (!ALPHABET.includes(code.charAt(17))) return 'alphabet';
  return ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17) ? null : 'check';
}
