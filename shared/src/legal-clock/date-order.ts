import { BadUserInputError } from '../errors';

/** Refuses a date earlier than another of the same record, naming the field and the date it must not precede. */
export function assertNotBefore(date: string, earlier: string, field: string, what: string): void {
  if (date < earlier) throw new BadUserInputError({ field, rule: `must not be earlier than ${what} (${earlier})` });
}
