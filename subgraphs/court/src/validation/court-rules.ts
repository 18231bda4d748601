import { CASE_NUMBER_STYLES, caseNumberYear, rule } from '@labour/shared';
import type { ValidationOptions } from 'class-validator';
import Decimal from 'decimal.js';

/** Civil case kinds (民初 first instance, 民终 appeal, 民特 special procedure) and an example of each. */
const CIVIL_KINDS = { 民初: '（2026）京0115民初1234号', 民终: '（2026）京0115民终56号', 民特: '（2026）京0115民特78号' } as const;
export type CivilKind = keyof typeof CIVIL_KINDS;

/**
 * A court civil case number (`courtCivil` style) of one of the given kinds, whose year is the year of
 * the date property `yearFrom` when given: a lawsuit is 民初 or 民终, a judicial confirmation 民特.
 */
export const IsCivilCaseNumber = (kinds: readonly CivilKind[], yearFrom?: string, options?: ValidationOptions) =>
  rule(
    'isCivilCaseNumber',
    (value, args) => {
      if (typeof value !== 'string') return 'must be a string';
      const year = caseNumberYear('courtCivil', value);
      const kind = kinds.find((k) => value.includes(k));
      if (year === null || !kind) return `must follow the style ${kinds.map((k) => CIVIL_KINDS[k]).join(' or ')}`;
      const date = yearFrom ? (args.object as Record<string, unknown>)[yearFrom] : undefined;
      if (typeof date === 'string' && Number(date.slice(0, 4)) !== year) {
        return `must carry the year of ${yearFrom} (${date.slice(0, 4)}), not ${year}`;
      }
      return null;
    },
    options,
  );

/** What an enforcement case enforces: a court judgment, ruling or confirmation (民初/民终/民特) or an arbitration award. */
export const IsEnforceableCaseNumber = (options?: ValidationOptions) =>
  rule(
    'isEnforceableCaseNumber',
    (value) => {
      if (typeof value !== 'string') return 'must be a string';
      if (caseNumberYear('courtCivil', value) !== null || caseNumberYear('arbitration', value) !== null) return null;
      return `must be a court civil case number such as ${CASE_NUMBER_STYLES.courtCivil.example} or an arbitration case number such as ${CASE_NUMBER_STYLES.arbitration.example}`;
    },
    options,
  );

/** An amount (Decimal string) not above the amount in another property; compared exactly, never as floats. */
export const NotMoreThan = (otherProperty: string, options?: ValidationOptions) =>
  rule(
    'notMoreThan',
    (value, args) => {
      const other = (args.object as Record<string, unknown>)[otherProperty];
      if (typeof value !== 'string' || typeof other !== 'string') return null;
      return new Decimal(value).greaterThan(other) ? `must not be more than ${otherProperty} (${other})` : null;
    },
    options,
  );
