import type { ValidationOptions } from 'class-validator';
import { rule } from './rule';
import {
  CASE_NUMBER_STYLES,
  caseNumberYear,
  DISPUTE_NO_EXAMPLE,
  DISPUTE_NO_PATTERN,
  ID_NUMBER_RULES,
  idNumberProblem,
  normaliseIdNumber,
  USCC_RULES,
  usccProblem,
  type CaseNumberStyle,
} from '../ids';
import { validationDay } from './validation-day';

/** 统一社会信用代码: 18 characters of the USCC alphabet with a valid check character. */
export const IsUscc = (options?: ValidationOptions) =>
  rule(
    'isUscc',
    (value) => {
      if (typeof value !== 'string') return 'must be a string';
      const problem = usccProblem(value);
      return problem ? `is not a valid unified social credit code: ${USCC_RULES[problem]}` : null;
    },
    options,
  );

/** 身份证号: 17 digits and a check character, with a real birth date. Lower-case x is accepted. */
export const IsIdNumber = (options?: ValidationOptions) =>
  rule(
    'isIdNumber',
    (value) => {
      if (typeof value !== 'string') return 'must be a string';
      const problem = idNumberProblem(normaliseIdNumber(value), new Date(`${validationDay()}T00:00:00Z`));
      return problem ? `is not a valid resident identity number: ${ID_NUMBER_RULES[problem]}` : null;
    },
    options,
  );

/** A case number in the given body's style, whose year matches the date property named by `yearFrom`. */
export const IsCaseNumber = (style: CaseNumberStyle, yearFrom?: string, options?: ValidationOptions) =>
  rule(
    'isCaseNumber',
    (value, args) => {
      if (typeof value !== 'string') return 'must be a string';
      const year = caseNumberYear(style, value);
      if (year === null) return `must follow the style ${CASE_NUMBER_STYLES[style].example}`;
      const date = yearFrom ? (args.object as Record<string, unknown>)[yearFrom] : undefined;
      if (typeof date === 'string' && Number(date.slice(0, 4)) !== year) {
        return `must carry the year of ${yearFrom} (${date.slice(0, 4)}), not ${year}`;
      }
      return null;
    },
    options,
  );

/** 争议编号: LD-<department>-<year>-<6 digits>. */
export const IsDisputeNo = (options?: ValidationOptions) =>
  rule(
    'isDisputeNo',
    (value) => (typeof value === 'string' && DISPUTE_NO_PATTERN.test(value) ? null : `must look like ${DISPUTE_NO_EXAMPLE}`),
    options,
  );
