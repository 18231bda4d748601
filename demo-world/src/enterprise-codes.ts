/**
 * Unified social credit codes as the registration authority builds them: '9' (registered by the market
 * regulator) '1' (enterprise), the 6-digit administrative code of the registering district, the 9-character
 * body, and the GB 32100 check character. Enterprises registered before the reform of October 2015 carry
 * their old organisation code (8 digits and a GB 11714 check character) as the body; newer ones get a
 * body starting with 'MA', as Beijing's issue does.
 */
import { USCC_ALPHABET, usccCheckCharacter } from '@labour/shared/ids';
import type { Prng } from './prng';
import { dayOfYmd } from './dates';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const REFORM_DAY = dayOfYmd(2015, 10, 1);

/** GB 11714 check character of an 8-digit organisation code. */
function organisationCodeCheck(body8: string): string {
  if (!/^\d{8}$/.test(body8)) throw new RangeError(`organisation code body must be 8 digits: ${body8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8.charAt(i)) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function creditCodeOf(region: string, body9: string): string {
  if (!/^\d{6}$/.test(region) || body9.length !== 9) throw new RangeError(`bad credit code parts: ${region} ${body9}`);
  const body17 = `91${region}${body9}`;
  return body17 + usccCheckCharacter(body17);
}

export function drawCodeBody(prng: Prng, registeredDay: number): string {
  if (registeredDay < REFORM_DAY) {
    // Beijing organisation codes of the era mostly start with 1-8; the first digit is never 0 here.
    const body8 = String(prng.int(1, 8)) + String(prng.int(0, 9_999_999)).padStart(7, '0');
    return body8 + organisationCodeCheck(body8);
  }
  return `MA0${prng.chars('0123456789', 1)}${prng.chars(USCC_ALPHABET, 5)}`;
}
