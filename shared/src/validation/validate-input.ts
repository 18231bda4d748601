import { validate, type ValidationError } from 'class-validator';
import type { ResolverData } from 'type-graphql';
import { BadUserInputError, type Violation } from '../errors';
import { validateOnDay } from './validation-day';

function collect(errors: ValidationError[], path: string, into: Violation[]): Violation[] {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = path ? (isIndex ? `${path}[${error.property}]` : `${path}.${error.property}`) : error.property;
    for (const message of Object.values(error.constraints ?? {})) into.push({ field, rule: message });
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/**
 * type-graphql `validateFn`: runs class-validator on every input object and turns its findings into
 * one BAD_USER_INPUT error that names each field and the rule it breaks. Runs before the resolver,
 * so nothing is written when input is bad. Date rules compare with the request's day (`context.today`).
 */
export async function validateInput(
  argValue: unknown,
  _argType?: unknown,
  resolverData?: Pick<ResolverData<object>, 'context'>,
): Promise<void> {
  const today = (resolverData?.context as { today?: unknown } | undefined)?.today;
  if (typeof today !== 'string') throw new Error('validateInput needs the request context with its day (`today`)');
  return validateOnDay(today, () => validateValues(argValue));
}

async function validateValues(argValue: unknown): Promise<void> {
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const violations: Violation[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
    collect(errors, Array.isArray(argValue) ? `[${index}]` : '', violations);
  }
  if (violations.length) throw new BadUserInputError(violations);
}
