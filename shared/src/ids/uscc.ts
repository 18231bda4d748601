/**
 * Unified social credit code (统一社会信用代码, USCC): 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z), the last a check character over the first 17 (GB 32100-2015).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'alphabet' | 'check';

/** The check character for the first 17 characters of a code, which must be in the alphabet. */
export function usccCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(body17.charAt(i));
    if (value < 0) throw new RangeError(`character ${i + 1} of ${body17} is not in the USCC alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** What is wrong with a code, or null when it is a valid USCC. Input is taken as given (no trimming). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'alphabet';
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

export const USCC_RULES: Record<UsccProblem, string> = {
  length: 'must be 18 characters',
  alphabet: 'may use only 0-9 and A-Y without I, O, S, V, Z',
  check: 'has a wrong check character (GB 32100)',
};
