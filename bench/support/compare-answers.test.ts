import { answerDifferences, normaliseAnswer } from './compare-answers';

describe('normaliseAnswer', () => {
  it('sorts object keys at every depth and keeps the order of lists', () => {
    const answer = { data: { b: 1, a: { d: [{ y: 2, x: 1 }, { x: 3 }], c: null } } };
    expect(JSON.stringify(normaliseAnswer(answer))).toBe('{"data":{"a":{"c":null,"d":[{"x":1,"y":2},{"x":3}]},"b":1},"errors":[]}');
  });

  it('keeps of each error only its message, path and extensions.code, in a fixed order', () => {
    const answer = {
      data: null,
      errors: [
        { message: 'b', path: ['x', 1], extensions: { code: 'FORBIDDEN', serviceName: 'court', stacktrace: ['…'] } },
        { message: 'a', path: ['x', 0], extensions: { serviceName: 'union' } },
      ],
    };
    expect(normaliseAnswer(answer)).toEqual({
      data: null,
      errors: [
        { message: 'a', path: ['x', 0] },
        { code: 'FORBIDDEN', message: 'b', path: ['x', 1] },
      ],
    });
  });
});

describe('answerDifferences', () => {
  it('finds none between answers that differ only in key order, error order and other extensions', () => {
    const stock = {
      data: { e: { name: 'A', n: 1 } },
      errors: [
        { message: 'm1', path: ['e', 'n'] },
        { message: 'm2', path: ['e'], extensions: { code: 'X' } },
      ],
    };
    const other = {
      errors: [
        { message: 'm2', path: ['e'], extensions: { code: 'X', serviceName: 'hr' } },
        { message: 'm1', path: ['e', 'n'], extensions: {} },
      ],
      data: { e: { n: 1, name: 'A' } },
    };
    expect(answerDifferences(stock, other)).toEqual([]);
  });

  it('names the path of each differing value, a list of another length and a missing key', () => {
    const stock = { data: { e: { name: 'A', cases: [{ no: 1 }, { no: 2 }], district: 'X' } } };
    const other = { data: { e: { name: 'B', cases: [{ no: 1 }] } } };
    expect(answerDifferences(stock, other)).toEqual([
      'data.e.cases: 2 items expected, 1 found',
      'data.e.district: expected "X", found (missing)',
      'data.e.name: expected "A", found "B"',
    ]);
  });

  it('reports an error the other answer lacks, and a different error code', () => {
    const stock = { data: { e: null }, errors: [{ message: 'denied', path: ['e'], extensions: { code: 'FORBIDDEN' } }] };
    expect(answerDifferences(stock, { data: { e: null } })).toEqual(['errors: 1 items expected, 0 found']);
    expect(
      answerDifferences(stock, { data: { e: null }, errors: [{ message: 'denied', path: ['e'], extensions: { code: 'INTERNAL' } }] }),
    ).toEqual(['errors[0].code: expected "FORBIDDEN", found "INTERNAL"']);
  });

  it('stops at the limit', () => {
    const stock = { data: { list: [1, 2, 3, 4] } };
    expect(answerDifferences(stock, { data: { list: [5, 6, 7, 8] } }, 2)).toEqual([
      'data.list[0]: expected 1, found 5',
      'data.list[1]: expected 2, found 6',
    ]);
  });
});
