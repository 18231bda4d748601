import { Department, Role, type Principal } from '../context/principal';
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { mergeOperations, mergeVariables } from '../federation/merged-fetch';
import { estimatedCost } from './estimated-cost';
import { checkOperation, INTROSPECTION_BUDGET, limitsFor, OPERATION_LIMITS, subgraphLimits } from './operation-limits';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { node: Node }
`);

const principal = (...roles: Role[]): Principal => ({ subject: 's', name: 'n', department: Department.UNION, roles });

function nested(depth: number): string {
  return `{ ${'node { child { '.repeat(1)}${'child { '.repeat(Math.max(depth - 2, 0))}name${' }'.repeat(Math.max(depth - 2, 0))} } } }`;
}

function check(query: string, roles: Role[]) {
  return checkOperation(schema, query, parse(query), limitsFor(principal(...roles)));
}

describe('operation limits', () => {
  it('gives analysts tighter limits than department staff', () => {
    expect(limitsFor(principal(Role.ANALYST))).toBe(OPERATION_LIMITS.analyst);
    expect(limitsFor(principal(Role.CASEWORKER))).toBe(OPERATION_LIMITS.staff);
    expect(limitsFor(principal(Role.ANALYST, Role.COORDINATOR))).toBe(OPERATION_LIMITS.staff);
    expect(limitsFor(null)).toBe(OPERATION_LIMITS.analyst);
  });

  it('refuses a query deeper than the caller may ask, as a client error', () => {
    const deep = nested(OPERATION_LIMITS.analyst.depth + 2);
    expect(check(deep, [Role.CASEWORKER])).toBeNull();
    const refused = check(deep, [Role.ANALYST]);
    // Which limit, the caller's figure and what the operation has, for a client to explain the refusal.
    expect(refused?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
      maxAllowed: OPERATION_LIMITS.analyst.depth,
      found: Number(/found (\d+)/.exec(refused?.message ?? '')?.[1]),
      http: { status: 400 },
    });
    expect(refused?.extensions.found).toBeGreaterThan(OPERATION_LIMITS.analyst.depth);
    expect(refused?.message).toMatch(/depth limit/i);
  });

  it('refuses too many aliases', () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.analyst.aliases + 1 }, (_, i) => `a${i}: node { name }`).join(' ');
    expect(check(`{ ${aliases} }`, [Role.CASEWORKER])).toBeNull();
    const refused = check(`{ ${aliases} }`, [Role.ANALYST]);
    expect(refused?.message).toMatch(/aliases/i);
    expect(refused?.extensions).toMatchObject({
      limit: 'aliases',
      maxAllowed: OPERATION_LIMITS.analyst.aliases,
      found: OPERATION_LIMITS.analyst.aliases + 1,
    });
  });

  it('refuses a document with more tokens than allowed before validating it', () => {
    const fields = Array.from({ length: OPERATION_LIMITS.analyst.tokens + 1 }, () => 'name').join(' ');
    const refused = check(`{ node { ${fields} } }`, [Role.ANALYST]);
    expect(refused?.message).toMatch(/token/i);
    expect(refused?.extensions).toMatchObject({ limit: 'tokens', maxAllowed: OPERATION_LIMITS.analyst.tokens });
  });

  describe('reading the schema', () => {
    const full = getIntrospectionQuery();

    it("lets an analyst run a client's full introspection query, estimated over the analysts' budget but within the staff's", () => {
      const cost = estimatedCost(schema, parse(full));
      expect(cost).toBeGreaterThan(OPERATION_LIMITS.analyst.cost);
      expect(cost).toBeLessThanOrEqual(INTROSPECTION_BUDGET);
      expect(check(full, [Role.ANALYST])).toBeNull();
    });

    it("still refuses an introspection query that nests lists past the staff budget, and data read beside the schema on the role's budget", () => {
      const cyclic = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
      expect(check(cyclic, [Role.ANALYST])?.extensions).toMatchObject({
        code: 'COST_ESTIMATED_TOO_EXPENSIVE',
        maxCost: INTROSPECTION_BUDGET,
      });
      const mixed = full.replace('__schema {', 'node { name } __schema {');
      const mixedCost = estimatedCost(schema, parse(mixed));
      expect(mixedCost).toBeGreaterThan(OPERATION_LIMITS.analyst.cost);
      expect(check(mixed, [Role.ANALYST])?.extensions).toMatchObject({
        code: 'COST_ESTIMATED_TOO_EXPENSIVE',
        maxCost: OPERATION_LIMITS.analyst.cost,
      });
    });
  });

  it('checks a document once per limits and variables, and answers each request with its own refusal', () => {
    const listSchema = buildSchema('type Item { name: String } type Query { items(first: Int): [Item] }');
    const document = parse('query Q($first: Int) { items(first: $first) { name } }');
    const staff = { ...OPERATION_LIMITS.staff, cost: 100 };
    const run = (first: number) =>
      checkOperation(listSchema, 'query Q($first: Int) { items(first: $first) { name } }', document, staff, { variables: { first } });
    expect(run(50)).toBeNull();
    const refused = run(200);
    expect(refused?.message).toMatch(/^This operation is estimated to cost 201, over the 100 allowed/);
    expect(run(50)).toBeNull();
    expect(run(200)).not.toBe(refused);
    expect(run(200)?.message).toBe(refused?.message);
    const tight = { ...staff, aliases: 0 };
    const aliased = parse('{ a: items { name } }');
    const first = checkOperation(listSchema, undefined, aliased, tight);
    const second = checkOperation(listSchema, undefined, aliased, tight);
    expect(first?.message).toBe('Syntax Error: Aliases limit of 0 exceeded, found 1.');
    expect(second).not.toBe(first);
    expect(second?.message).toBe(first?.message);
    expect(checkOperation(listSchema, undefined, aliased, staff)).toBeNull();
  });

  describe("a merged operation of the gateway's fetches at a subgraph", () => {
    const analyst = subgraphLimits(limitsFor(principal(Role.ANALYST)));
    // Each fetch alone: 6 aliases of the 10 an analyst may use, and about 1,100 of the 2,000 tokens.
    const fetch = (n: number) =>
      parse(
        `query Report__union__${n} { ${Array.from({ length: 6 }, (_, i) => `a${i}: node { name }`).join(' ')} node { ${'name '.repeat(1_050)}} }`,
      );
    const merged = mergeOperations([fetch(1), fetch(2)]);
    const mergedCheck = (options: { mergedFetches?: boolean }, source: 'source' | 'document only' = 'source') =>
      checkOperation(
        schema,
        source === 'source' ? merged.query : undefined,
        parse(merged.query),
        analyst,
        { variables: mergeVariables(merged, [{}, {}]), operationName: merged.operationName },
        options,
      );

    it('is accepted for an ANALYST when each fetch alone would be, though together they exceed the aliases and tokens', () => {
      expect(checkOperation(schema, undefined, fetch(1), analyst)).toBeNull();
      expect(mergedCheck({ mergedFetches: false })?.message).toBe(
        'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
      );
      expect(mergedCheck({ mergedFetches: false }, 'document only')?.message).toBe('Syntax Error: Aliases limit of 10 exceeded, found 14.');
      expect(mergedCheck({ mergedFetches: true })).toBeNull();
    });

    it('is refused when one of its fetches alone would be', () => {
      const tooMany = parse(`query Report__union__3 { ${Array.from({ length: 11 }, (_, i) => `a${i}: node { name }`).join(' ')} }`);
      const withOne = mergeOperations([fetch(1), tooMany]);
      const refused = checkOperation(schema, withOne.query, parse(withOne.query), analyst, {}, { mergedFetches: true });
      expect(refused?.message).toBe('Syntax Error: Aliases limit of 10 exceeded, found 11.');
    });
  });
});
