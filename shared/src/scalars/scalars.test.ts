import { Kind } from 'graphql';
import { DateScalar } from './date.scalar';
import { DecimalScalar, normaliseMoney } from './decimal.scalar';

describe('Decimal', () => {
  it('keeps money exact with two places and refuses floats', () => {
    expect(DecimalScalar.parseValue('12800.5')).toBe('12800.50');
    expect(DecimalScalar.parseValue('0012')).toBe('12.00');
    expect(DecimalScalar.serialize('9999999999999.99')).toBe('9999999999999.99');
    expect(() => DecimalScalar.parseValue(12800.5)).toThrow('Decimal must be a string');
    expect(() => DecimalScalar.parseValue('1.005')).toThrow('at most two decimal places');
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow('sent as a string');
    expect(normaliseMoney('-3.1')).toBe('-3.10');
  });
});

describe('Date', () => {
  it('takes real calendar dates only', () => {
    expect(DateScalar.parseValue('2026-11-21')).toBe('2026-11-21');
    expect(() => DateScalar.parseValue('2026-11-31')).toThrow('real calendar date');
    expect(DateScalar.serialize(new Date('2026-01-02T00:00:00Z'))).toBe('2026-01-02');
  });
});
