/**
 * Resident identity number (居民身份证号码, GB 11643): 17 digits and a check character (0-9 or X).
 * Positions 7-14 are the birth date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'check';

export function idNumberCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17.charAt(i)) * WEIGHTS[i]!;
  return CHECK.charAt(sum % 11);
}

/** Upper-cases the check character and strips surrounding white space. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

function isRealDate(yyyymmdd: string, notAfter: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= notAfter.getTime();
}

/** What is wrong with a (normalised) ID number, or null when it is valid. */
export function idNumberProblem(idNumber: string, today: Date = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return 'format';
  if (!isRealDate(idNumber.slice(6, 14), today)) return 'birthDate';
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber.charAt(17) ? null : 'check';
}

export function isValidIdNumber(idNumber: string): boolean {
  return idNumberProblem(idNumber) === null;
}

/** The birth date of a valid ID number as `YYYY-MM-DD`. */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export const ID_NUMBER_RULES: Record<IdNumberProblem, string> = {
  format: 'must be 17 digits followed by a digit or X',
  birthDate: 'has an impossible birth date in positions 7-14',
  check: 'has a wrong check character (GB 11643)',
};
