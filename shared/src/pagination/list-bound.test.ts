import 'reflect-metadata';
import { graphql, type GraphQLObjectType } from 'graphql';
import { buildSchema, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { bounded, boundArgOptions, capped, firstOf, FirstArg, listBound, ListCap, listCapOf, sizeWithin } from './list-bound';

const TEN_OF_FIFTY = listBound(10, 50);
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The BAD_USER_INPUT a call threw, as a client reads it in `extensions`. */
function refusal(call: () => unknown): Record<string, unknown> {
  try {
    call();
  } catch (error) {
    if (error instanceof BadUserInputError)
      return { code: error.extensions['code'], field: error.extensions['field'], rule: error.extensions['rule'] };
    throw error;
  }
  throw new Error('nothing was refused');
}

describe('list bounds', () => {
  it("takes the default when the caller does not say, and the caller's size within the maximum", () => {
    expect(sizeWithin(TEN_OF_FIFTY, undefined)).toBe(10);
    expect(sizeWithin(TEN_OF_FIFTY, null)).toBe(10);
    expect(sizeWithin(TEN_OF_FIFTY, 1)).toBe(1);
    expect(sizeWithin(TEN_OF_FIFTY, 50)).toBe(50);
  });

  it('refuses a size over the maximum, under 1 or not whole, naming the argument and the rule', () => {
    const rule = { code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 50' };
    expect(refusal(() => sizeWithin(TEN_OF_FIFTY, 51))).toEqual(rule);
    expect(refusal(() => sizeWithin(TEN_OF_FIFTY, 0))).toEqual(rule);
    expect(refusal(() => sizeWithin(TEN_OF_FIFTY, 2.5))).toEqual(rule);
    expect(refusal(() => sizeWithin(listBound(100, 100_000, 'limit'), 100_001))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'limit',
      rule: 'must be between 1 and 100000',
    });
  });

  it('cuts a loaded list to the size, and loads nothing when the size is refused', async () => {
    expect(await firstOf(TEN_OF_FIFTY, undefined, async () => numbers(12))).toEqual(numbers(10));
    expect(await firstOf(TEN_OF_FIFTY, 3, async () => numbers(12))).toEqual([1, 2, 3]);
    expect(await firstOf(TEN_OF_FIFTY, 50, async () => numbers(4))).toEqual(numbers(4));
    let loads = 0;
    await expect(firstOf(TEN_OF_FIFTY, 51, async () => numbers(++loads))).rejects.toBeInstanceOf(BadUserInputError);
    expect(loads).toBe(0);
  });

  it('states the bound in the field and argument descriptions', () => {
    expect(bounded('Workers, by name.', listBound(100, 1000))).toBe(
      'Workers, by name. At most 100 unless `first` says otherwise (max 1000).',
    );
    expect(bounded('Signals.', listBound(100, 100_000, 'limit'), "enterprises' signals")).toBe(
      "Signals. At most 100 enterprises' signals unless `limit` says otherwise (max 100000).",
    );
    expect(boundArgOptions(TEN_OF_FIFTY, 'cases')).toEqual({
      defaultValue: 10,
      description: 'How many cases to return: 1 to 50; 10 when omitted.',
    });
    expect(capped('Applicants.', 200, 'a case names no more')).toBe('Applicants. At most 200 (a case names no more).');
  });

  it('refuses a bound whose default is over its maximum', () => {
    expect(() => listBound(20, 10)).toThrow(RangeError);
    expect(() => listBound(0, 10)).toThrow(RangeError);
  });
});

@ObjectType('CappedCase', { description: 'A case with a capped list of parties.' })
class CappedCase {
  @Field(() => [String], { description: 'Parties.' })
  @ListCap(3)
  parties: string[];
}

@Resolver()
class CappedCaseResolver {
  @Query(() => CappedCase, { description: 'A case written before its parties were counted.' })
  legacyCase(): CappedCase {
    return { parties: ['a', 'b', 'c', 'd', 'e'] };
  }

  @Query(() => [Int], { description: 'Numbers.' })
  numbers(@FirstArg(TEN_OF_FIFTY, 'numbers') first: number): Promise<number[]> {
    return firstOf(TEN_OF_FIFTY, first, async () => numbers(60));
  }
}

describe('ListCap and FirstArg on a schema', () => {
  it('cuts a capped list when it is read and marks the field with its cap', async () => {
    const schema = await buildSchema({ resolvers: [CappedCaseResolver], validate: false });
    const parties = (schema.getType('CappedCase') as GraphQLObjectType).getFields()['parties']!;
    expect(listCapOf(parties)).toBe(3);
    expect(await graphql({ schema, source: '{ legacyCase { parties } }' })).toEqual({ data: { legacyCase: { parties: ['a', 'b', 'c'] } } });
  });

  it('declares `first` with its default, and refuses over the maximum with BAD_USER_INPUT', async () => {
    const schema = await buildSchema({ resolvers: [CappedCaseResolver], validate: false });
    const first = schema.getQueryType()!.getFields()['numbers']!.args[0]!;
    expect([first.name, String(first.type), first.defaultValue]).toEqual(['first', 'Int!', 10]);
    const byDefault = await graphql({ schema, source: '{ numbers }' });
    expect(byDefault.data?.['numbers']).toEqual(numbers(10));
    const refused = await graphql({ schema, source: '{ numbers(first: 51) }' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 50' });
  });
});
