import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;

/** Writes an exact decimal with exactly two places; never goes through a float. */
export function normaliseMoney(value: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const trimmed = whole.replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${trimmed}.${(fraction + '00').slice(0, 2)}`;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw new GraphQLError(
      `Decimal must be a string of digits with at most two decimal places, e.g. "12800.50"; got ${JSON.stringify(value)}`,
    );
  }
  return normaliseMoney(value);
}

/**
 * An exact decimal amount (yuan, two places) sent as a string, so no client or service ever rounds
 * money through a binary float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount in yuan (元) with two places, sent as a string such as "12800.50"; never a float.',
  serialize: (value) => parse(String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be sent as a string, e.g. "12800.50"');
    return parse(ast.value);
  },
});
