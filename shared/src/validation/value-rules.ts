import type { ValidationOptions } from 'class-validator';
import { rule } from './rule';
import { isIsoDate } from '../legal-clock/dates';
import { validationDay } from './validation-day';

/** A date not earlier than the date in another property (skipped while that one is empty). */
export const NotBefore = (otherProperty: string, options?: ValidationOptions) =>
  rule(
    'notBefore',
    (value, args) => {
      const other = (args.object as Record<string, unknown>)[otherProperty];
      if (typeof value !== 'string' || typeof other !== 'string' || !isIsoDate(value) || !isIsoDate(other)) return null;
      return value < other ? `must not be earlier than ${otherProperty} (${other})` : null;
    },
    options,
  );

/** An amount (Decimal string) at least `min` yuan. */
export const MinAmount = (min: number, options?: ValidationOptions) =>
  rule(
    'minAmount',
    (value) => {
      if (typeof value !== 'string') return 'must be a decimal string';
      return Number(value) < min ? `must be at least ${min.toFixed(2)}` : null;
    },
    options,
  );

/** An amount (Decimal string) at most `max`, e.g. a percentage in a narrower column. */
export const MaxAmount = (max: number, options?: ValidationOptions) =>
  rule('maxAmount', (value) => (typeof value === 'string' && Number(value) > max ? `must be at most ${max.toFixed(2)}` : null), options);

/** A date that is not in the future: not later than the day of the request (its service's clock). */
export const NotInFuture = (options?: ValidationOptions) =>
  rule(
    'notInFuture',
    (value) => {
      if (typeof value !== 'string') return null;
      const today = validationDay();
      return value > today ? `must not be later than today (${today})` : null;
    },
    options,
  );
