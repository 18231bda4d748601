import { buildSchema, parse } from 'graphql';
import { DEFAULT_LIST_SIZE, estimatedCost } from './estimated-cost';

const schema = buildSchema(`
  type Worker { name: String, employer: Enterprise, cases(first: Int = 5): [Case!] }
  type Case { caseNo: String }
  type Enterprise { name: String, workers: [Worker!], inspections: [Case!]! }
  type EnterpriseConnection { nodes: [Enterprise!]!, totalCount: Int }
  type Query {
    enterprise: Enterprise
    enterprises(first: Int = 20): EnterpriseConnection!
    signals(limit: Int): [Case!]!
    _entities(representations: [String!]!): [Enterprise]!
  }
`);
const cost = (query: string, variables?: Record<string, unknown>) => estimatedCost(schema, parse(query), variables);

describe('estimated cost', () => {
  it('counts each field once, and what is under a list once per assumed item', () => {
    expect(cost('{ enterprise { name } }')).toBe(2);
    // Enterprise.workers is assumed to hold 50 (LIST_SIZES); inspections, DEFAULT_LIST_SIZE.
    expect(cost('{ enterprise { workers { name } } }')).toBe(1 + (1 + 50 * 1));
    expect(cost('{ enterprise { inspections { caseNo } } }')).toBe(1 + (1 + DEFAULT_LIST_SIZE * 1));
  });

  it('multiplies nested lists, so that a query walking the register in circles costs what it would fetch', () => {
    const two = cost('{ enterprise { workers { employer { workers { name } } } } }');
    expect(two).toBe(1 + (1 + 50 * (1 + (1 + 50 * 1))));
  });

  it('takes the size from the first or limit the caller gives, never assumes more than the default, and pages a connection through its nodes', () => {
    expect(cost('{ enterprises(first: 100) { nodes { name } totalCount } }')).toBe(1 + 100 * (1 + 1 + 1));
    // Not given, on a root list of records (thousands of them): the default page of 20, full.
    expect(cost('{ enterprises { nodes { name } } }')).toBe(1 + 20 * (1 + 1));
    expect(cost('query ($n: Int) { enterprises(first: $n) { nodes { name } } }', { n: 3 })).toBe(1 + 3 * 2);
    expect(cost('{ signals(limit: 7) { caseNo } }')).toBe(1 + 7);
    // Not given below the root: the assumed size (LIST_SIZES, DEFAULT_LIST_SIZE) unless the default bound is smaller.
    expect(cost('{ enterprise { inspections { caseNo } } }')).toBe(1 + (1 + DEFAULT_LIST_SIZE * 1));
    // Not given, with a default bound of 5 under the assumed size: at most 5.
    expect(cost('{ enterprise { workers { cases { caseNo } } } }')).toBe(1 + (1 + 50 * (1 + 5 * 1)));
  });

  it('counts an entity fetch by the representations it carries', () => {
    expect(cost('query ($r: [String!]!) { _entities(representations: $r) { ... on Enterprise { name } } }', { r: ['a', 'b', 'c'] })).toBe(
      1 + 3 * 1,
    );
  });
});
