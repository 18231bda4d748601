/**
 * Natural persons: names, ID numbers and phone numbers that pass the same checks real ones do.
 */
import { idNumberCheckCharacter } from '@labour/shared/ids';
import { WeightedTable, type Prng } from './prng';
import { addYears, isoOf } from './dates';
import { COMPOUND_SURNAMES, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './vocab-names';
import { BEIJING_ID_REGIONS, MIGRANT_ID_REGIONS } from './vocab-places';

export type Gender = 'M' | 'F';

// Names are drawn for every worker, so the surname table is searched in O(log n).
const SURNAME_TABLE = new WeightedTable(SURNAMES, ([, weight]) => weight);
const MIGRANT_REGION_TABLE = new WeightedTable(MIGRANT_ID_REGIONS, ([, weight]) => weight);

export function drawGender(prng: Prng, maleShare: number): Gender {
  return prng.chance(maleShare) ? 'M' : 'F';
}

/** A 2- or 3-character name: most Chinese given names have two characters, a quarter have one. */
export function drawName(prng: Prng, gender: Gender): string {
  const given = gender === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  if (prng.chance(0.003)) return prng.pick(COMPOUND_SURNAMES) + prng.pick(given);
  const surname = SURNAME_TABLE.draw(prng)[0];
  if (prng.chance(0.25)) return surname + prng.pick(given);
  let second = prng.pick(given);
  let first = prng.pick(given);
  // 伟伟-like repeats are rare outside nicknames; draw again once.
  if (second === first) second = prng.pick(given);
  if (first === surname) first = prng.pick(given);
  return surname + first + second;
}

/** Ages at the as-of day, weighted towards the 25-44 years of most of the workforce. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 14],
  [[25, 34], 36],
  [[35, 44], 28],
  [[45, 54], 17],
  [[55, 60], 5],
];
const OLDER_AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 5],
  [[25, 34], 18],
  [[35, 44], 30],
  [[45, 54], 35],
  [[55, 60], 12],
];

/** A birth day giving an age between 18 and 60 (inclusive) at `asOf`. */
export function drawBirthDay(prng: Prng, asOf: number, older: boolean): number {
  const [lo, hi] = prng.weighted(older ? OLDER_AGE_BANDS : AGE_BANDS);
  const age = prng.int(lo, hi);
  const latest = addYears(asOf, -age);
  const earliest = addYears(asOf, -(age + 1)) + 1;
  return prng.int(earliest, latest);
}

export function drawHomeRegion(prng: Prng, migrant: boolean): string {
  return migrant ? MIGRANT_REGION_TABLE.draw(prng)[0] : prng.pick(BEIJING_ID_REGIONS);
}

/**
 * A resident ID number not yet in `used`: region, birth date, a 3-digit sequence whose last digit is odd
 * for men and even for women, and the GB 11643 check character.
 */
export function drawIdNumber(prng: Prng, used: Set<string>, region: string, birthDay: number, gender: Gender): string {
  const birth = isoOf(birthDay).replaceAll('-', '');
  for (let attempt = 0; attempt < 200; attempt++) {
    let seq = prng.int(0, 999);
    if ((seq % 2 === 1) !== (gender === 'M')) seq = (seq + 1) % 1000;
    const body = region + birth + String(seq).padStart(3, '0');
    const id = body + idNumberCheckCharacter(body);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
  throw new Error(`no free ID number for region ${region} born ${birth}`);
}

const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** An 11-digit mainland mobile number not yet in `used`. */
export function drawPhone(prng: Prng, used: Set<string>): string {
  for (;;) {
    const phone = prng.pick(MOBILE_PREFIXES) + String(prng.int(0, 99_999_999)).padStart(8, '0');
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/** True for an ID number issued outside Beijing: the worker is a migrant worker (农民工 or 外来务工人员). */
export function isMigrant(idNumber: string): boolean {
  return !idNumber.startsWith('11');
}
