import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Returns what is wrong with a value (the rule it breaks), or null when it is fine. */
export type Check = (value: unknown, args: ValidationArguments) => string | null;

/** Registers a property rule whose message is the specific rule the value breaks. */
export function rule(name: string, check: Check, options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => check(value, args) === null,
        defaultMessage: (args?: ValidationArguments) => (args ? check(args.value, args) ?? '' : ''),
      },
    });
  };
}
