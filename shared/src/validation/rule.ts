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
        // With `each`, class-validator validates item by item but asks for the message with the whole
        // array: name the first item that breaks the rule and say why.
        defaultMessage: (args?: ValidationArguments) => {
          if (!args) return '';
          if (options?.each && Array.isArray(args.value)) {
            for (const [index, item] of args.value.entries()) {
              const problem = check(item, args);
              if (problem) return `item ${index + 1} ${problem}`;
            }
          }
          return check(args.value, args) ?? '';
        },
      },
    });
  };
}
