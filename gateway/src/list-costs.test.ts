import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { estimatedCost, OPERATION_LIMITS } from '@labour/shared';

/**
 * What the gateway's cost estimate makes of the departments' case lists, on the API schema clients see
 * (console/schema.graphql, generated from the supergraph): a list is a connection, so what is selected
 * under it counts once per item of `first`, or of its default page (20), which the schema carries.
 */
const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'console', 'schema.graphql'), 'utf8'));
const cost = (query: string) => estimatedCost(schema, parse(query));
const ANALYST_BUDGET = OPERATION_LIMITS.analyst.cost;

describe('cost estimate of the case lists', () => {
  it('multiplies what is selected under a list by its `first`, or by the default page of 20', () => {
    // 1 + first × (nodes 1 + caseNo 1 + applicants (1 + 3 assumed × name 1))
    expect(cost('{ arbitrationCases(first: 100) { nodes { caseNo applicants { name } } } }')).toBe(601);
    expect(cost('{ arbitrationCases { nodes { caseNo applicants { name } } } }')).toBe(121);
    // 1 + 7 × (totalCount 1 + pageInfo (1 + 2) + nodes (1 + 1))
    expect(cost('{ lawsuits(first: 7) { totalCount pageInfo { endCursor hasNextPage } nodes { caseNo } } }')).toBe(1 + 7 * 6);
  });

  it.each([
    'arbitrationCases',
    'laborInspections',
    'wageArrearsAlerts',
    'layoffReports',
    'mediationCases',
    'hardshipAids',
    'legalConsultations',
    'collectiveContracts',
    'lawsuits',
    'enforcementCases',
    'judicialConfirmations',
    'judicialSuggestions',
    'legalAidCases',
    'peopleMediationCases',
  ])('knows the page size of %s', (list) => {
    expect(cost(`{ ${list}(first: 100) { totalCount } }`)).toBe(101);
    expect(cost(`{ ${list} { totalCount } }`)).toBe(21);
  });

  it("keeps the README's list examples within an analyst's budget, and refuses a whole merged picture under 100 lawsuits", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const lists = examples.filter((example) => /^query (ArbitrationQ3ByDistrict|AppealsThisYear|MediatedThenSued)\b/m.test(example));
    expect(lists).toHaveLength(3);
    for (const example of lists) expect(cost(example)).toBeLessThanOrEqual(ANALYST_BUDGET);

    const everyDepartment = `{ lawsuits(first: 100) { nodes { caseNo dispute {
      mediationCases { caseNo workers { name } } arbitrationCases { caseNo applicants { name } }
      lawsuits { caseNo plaintiffs { name } } enforcementCases { caseNo } legalAidCases { caseNo }
    } } } }`;
    expect(cost(everyDepartment)).toBeGreaterThan(ANALYST_BUDGET);
  });
});
