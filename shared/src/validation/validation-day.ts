import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The day input is validated on ("not in the future", "a real birth date"). class-validator's rules are
 * declared once on the input classes and get no request, so `validateInput` runs them inside the
 * request's day; a rule that asks outside a validation has no day to go by and says so.
 */
const scope = new AsyncLocalStorage<string>();

export function validateOnDay<T>(today: string, validate: () => Promise<T>): Promise<T> {
  return scope.run(today, validate);
}

/** Today as the request being validated sees it (its clock's day). */
export function validationDay(): string {
  const today = scope.getStore();
  if (today === undefined) throw new Error('A date rule ran outside validateInput: there is no request day to compare with');
  return today;
}
