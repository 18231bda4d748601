import { registerDecorator } from 'class-validator';

/**
 * A Decimal string of at most `max`: the counterpart of shared's `MinAmount`, for columns narrower than
 * money (a percentage in `decimal(5,2)` would otherwise fail in SQL instead of naming the rule).
 */
export function MaxAmount(max: number) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'maxAmount',
      target: target.constructor,
      propertyName,
      validator: {
        // Non-strings are left to the scalar and to MinAmount, which name their own rule.
        validate: (value: unknown) => typeof value !== 'string' || Number(value) <= max,
        defaultMessage: () => `must be at most ${max.toFixed(2)}`,
      },
    });
  };
}
