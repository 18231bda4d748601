import { parse, print } from 'graphql';
import {
  fetchIndexOf,
  fetchKeysOf,
  fetchOriginsFrom,
  fetchOriginsHeader,
  isMergeable,
  MAX_MERGED_FETCHES,
  mergedFetchParts,
  mergeOperations,
  mergeVariables,
  splitMergedAnswer,
} from './merged-fetch';

// Two fetches as @apollo/gateway's planner prints them, the second with a fragment and an alias.
const ENTITIES =
  'query MeetingView__hr_bureau__2($representations:[_Any!]!){_entities(representations:$representations){...on Enterprise{name employeeCount}}}';
const WITH_FRAGMENT =
  'query MeetingView__hr_bureau__5($representations:[_Any!]!$first:Int){e:_entities(representations:$representations){...on Dispute{...D}}} fragment D on Dispute{cases(first:$first){caseNo}}';

describe('mergeOperations', () => {
  it("aliases each fetch's root fields, renames its variables and fragments, and names the query after the first fetch", () => {
    const merged = mergeOperations([parse(ENTITIES), parse(WITH_FRAGMENT)]);
    expect(merged.operationName).toBe('MeetingView__hr_bureau__2__merged');
    expect(merged.query).toBe(
      print(
        parse(`query MeetingView__hr_bureau__2__merged($f0_representations: [_Any!]!, $f1_representations: [_Any!]!, $f1_first: Int) {
          f0__entities: _entities(representations: $f0_representations) { ... on Enterprise { name employeeCount } }
          f1_e: _entities(representations: $f1_representations) { ... on Dispute { ...f1_D } }
        }
        fragment f1_D on Dispute { cases(first: $f1_first) { caseNo } }`),
      ),
    );
    expect(
      mergeVariables(merged, [{ representations: [{ __typename: 'Enterprise', creditCode: 'A' }] }, { representations: [], first: 3 }]),
    ).toEqual({
      f0_representations: [{ __typename: 'Enterprise', creditCode: 'A' }],
      f1_representations: [],
      f1_first: 3,
    });
  });

  it('merges only queries whose root selections are fields, 2 to MAX_MERGED_FETCHES of them', () => {
    expect(isMergeable(parse(ENTITIES))).toBe(true);
    expect(isMergeable(parse('mutation M($input: In!) { save(input: $input) { id } }'))).toBe(false);
    expect(isMergeable(parse('query Q { ...F } fragment F on Query { a }'))).toBe(false);
    expect(isMergeable(parse('query Q @cached { a }'))).toBe(false);
    expect(() => mergeOperations([parse(ENTITIES)])).toThrow('Merges 2 to 8 fetches, not 1');
    expect(() => mergeOperations(Array(MAX_MERGED_FETCHES + 1).fill(parse(ENTITIES)))).toThrow('Merges 2 to 8 fetches, not 9');
    expect(() => mergeOperations([parse(ENTITIES), parse('mutation M { save { id } }')])).toThrow('Fetch 1 cannot be merged');
  });
});

describe('splitMergedAnswer', () => {
  const merged = mergeOperations([parse(ENTITIES), parse(WITH_FRAGMENT)]);

  it('gives each fetch its root fields under its own keys and the errors of its part, paths mapped back', () => {
    const parts = splitMergedAnswer(merged, {
      data: { f0__entities: [{ name: '甲' }, null], f1_e: [{ cases: [] }] },
      errors: [
        { message: 'forbidden', path: ['f0__entities', 1, 'employeeCount'], extensions: { code: 'FORBIDDEN' } },
        { message: 'masked', path: ['f1_e', 0, 'cases'] },
        { message: 'no path' },
      ],
      extensions: { cost: 1 },
    });
    expect(parts).toEqual([
      {
        data: { _entities: [{ name: '甲' }, null] },
        errors: [
          { message: 'forbidden', path: ['_entities', 1, 'employeeCount'], extensions: { code: 'FORBIDDEN' } },
          { message: 'no path' },
        ],
        extensions: { cost: 1 },
      },
      {
        data: { e: [{ cases: [] }] },
        errors: [{ message: 'masked', path: ['e', 0, 'cases'] }, { message: 'no path' }],
        extensions: { cost: 1 },
      },
    ]);
  });

  it('gives every fetch a null answer and the errors when the whole operation failed', () => {
    const error = { message: 'Aliases limit of 10 exceeded', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(splitMergedAnswer(merged, { errors: [error] })).toEqual([
      { data: null, errors: [error] },
      { data: null, errors: [error] },
    ]);
  });

  it("leaves out of a fetch's answer what another fetch asked", () => {
    const parts = splitMergedAnswer(merged, { data: { f0__entities: [], f1_e: [] } });
    expect(parts).toEqual([{ data: { _entities: [] } }, { data: { e: [] } }]);
  });
});

describe('mergedFetchParts', () => {
  it('gives back each fetch of a merged operation as it was sent alone, with its own variables', () => {
    const merged = mergeOperations([parse(ENTITIES), parse(WITH_FRAGMENT)]);
    const variables = mergeVariables(merged, [{ representations: [1] }, { representations: [2, 3], first: 5 }]);
    const parts = mergedFetchParts(parse(merged.query), variables)!;
    expect(parts.map((part) => print(part.document))).toEqual([
      print(parse(ENTITIES)),
      print(parse(WITH_FRAGMENT.replace('MeetingView__hr_bureau__5', 'MeetingView__hr_bureau__2'))),
    ]);
    expect(parts.map((part) => part.variables)).toEqual([{ representations: [1] }, { representations: [2, 3], first: 5 }]);
  });

  it('takes an operation that is not a merged one for itself', () => {
    expect(mergedFetchParts(parse(ENTITIES), {})).toBeUndefined();
    // Named as merged, but its root fields are not all aliased per fetch, or it holds one fetch only.
    expect(mergedFetchParts(parse('query X__merged { f0_a: a b }'), {})).toBeUndefined();
    expect(mergedFetchParts(parse('query X__merged { f0_a: a f0_b: b }'), {})).toBeUndefined();
    const tooMany = Array.from({ length: MAX_MERGED_FETCHES + 1 }, (_, i) => `f${i}_a: a`).join(' ');
    expect(mergedFetchParts(parse(`query X__merged { ${tooMany} }`), {})).toBeUndefined();
  });
});

describe('fetch origins (x-merged-fetches)', () => {
  it('names the client request and operation of each fetch, and reads them back', () => {
    const origins = [
      { requestId: 'req-0001-abcd', operationName: 'Meeting__hr_bureau__1' },
      { requestId: 'req-0002-abcd', operationName: null },
    ];
    const header = fetchOriginsHeader(origins);
    expect(header).toBe('req-0001-abcd/Meeting__hr_bureau__1,req-0002-abcd/');
    expect(fetchOriginsFrom(header)).toEqual(origins);
  });

  it('ignores a header that is not well formed or names too many fetches', () => {
    expect(fetchOriginsFrom(undefined)).toBeNull();
    expect(fetchOriginsFrom('')).toBeNull();
    expect(fetchOriginsFrom('short/Op')).toBeNull();
    expect(fetchOriginsFrom('req-0001-abcd/Op name')).toBeNull();
    expect(fetchOriginsFrom('req-0001-abcd')).toBeNull();
    expect(fetchOriginsFrom('req-0001-abcd/1Op')).toBeNull();
    const many = Array.from({ length: MAX_MERGED_FETCHES + 1 }, (_, i) => `req-000${i}-abcd/Op`).join(',');
    expect(fetchOriginsFrom(many)).toBeNull();
    expect(fetchOriginsFrom(many.split(',').slice(1).join(','))).toHaveLength(MAX_MERGED_FETCHES);
  });

  it("groups the root keys of an answer by fetch, only when every key is a merged fetch's", () => {
    expect(fetchKeysOf(['f0_a', 'f1_b', 'f0_c', 'f2_d'])).toEqual([['f0_a', 'f0_c'], ['f1_b'], ['f2_d']]);
    expect(fetchKeysOf(['f0_a', 'enterprise'])).toBeUndefined();
    expect(fetchKeysOf([])).toEqual([]);
  });

  it("finds the fetch a field belongs to from its root field's alias", () => {
    const path = (...keys: Array<string | number>) =>
      keys.reduce<{ prev: unknown; key: string | number; typename: undefined } | undefined>(
        (prev, key) => ({ prev, key, typename: undefined }),
        undefined,
      ) as never;
    expect(fetchIndexOf(path('f3__entities', 0, 'workers', 2, 'name'))).toBe(3);
    expect(fetchIndexOf(path('f0_enterprise', 'name'))).toBe(0);
    expect(fetchIndexOf(path('enterprise', 'name'))).toBeUndefined();
    expect(fetchIndexOf(path('fx_enterprise'))).toBeUndefined();
  });
});
