import { Department, Role, type Principal } from '../context/principal';
import { buildSchema, parse } from 'graphql';
import { checkOperation, limitsFor, OPERATION_LIMITS } from './operation-limits';

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
    expect(refused?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } });
    expect(refused?.message).toMatch(/depth limit/i);
  });

  it('refuses too many aliases', () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.analyst.aliases + 1 }, (_, i) => `a${i}: node { name }`).join(' ');
    expect(check(`{ ${aliases} }`, [Role.CASEWORKER])).toBeNull();
    expect(check(`{ ${aliases} }`, [Role.ANALYST])?.message).toMatch(/aliases/i);
  });

  it('refuses a document with more tokens than allowed before validating it', () => {
    const fields = Array.from({ length: OPERATION_LIMITS.analyst.tokens + 1 }, () => "name").join(' ');
    const refused = check(`{ node { ${fields} } }`, [Role.ANALYST]);
    expect(refused?.message).toMatch(/token/i);
  });
});
