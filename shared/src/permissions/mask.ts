import type { MaskKind } from './data-class';

const SURROGATE = /[\uD800-\uDFFF]/;

/** The characters of a string (code points): a rare character outside the BMP is one character, not two. */
function charsOf(value: string): string[] | string {
  // ID and phone numbers are ASCII; masking runs once per value read, so skip the array when it can.
  return SURROGATE.test(value) ? Array.from(value) : value;
}

/** `张三丰` → `张*`: the family name stays (so a caseworker can address a letter), the given name goes. */
function maskName(name: string): string {
  const chars = charsOf(name.trim());
  return chars.length <= 1 ? '*'.repeat(chars.length) : `${chars[0]}*`;
}

/** Keeps `head` leading and `tail` trailing characters, stars in between; too short a value is all stars. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = charsOf(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  const join = (part: string | string[]) => (typeof part === 'string' ? part : part.join(''));
  return join(chars.slice(0, head)) + '*'.repeat(chars.length - head - tail) + join(chars.slice(chars.length - tail));
}

function maskString(value: string, kind: MaskKind): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'idNumber':
      // Region code (6) and the last four stay: `110105********123X`; the birth date goes.
      return keepEnds(value, 6, 4);
    case 'phone':
      // Carrier prefix (3) and the last four stay: `138****5678`.
      return keepEnds(value, 3, 4);
    case 'text':
      return '***';
  }
}

/**
 * A PERSONAL value as someone who must not see it in clear sees it: `张*`, `110105********0021`,
 * `138****5678`, `***` for text. Lists are masked element by element; null stays null. A value that is
 * not a string (a number, a date object, a record) cannot be partly shown and becomes null.
 */
export function maskValue(value: unknown, kind: MaskKind): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return maskString(value, kind);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, kind));
  return null;
}
