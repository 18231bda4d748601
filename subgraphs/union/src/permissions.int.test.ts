import { Department, Role, staticGrantSource } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from './definition';

/**
 * RESTRICTED data never leaves its department (hr-bureau has none, so the union's mediation record is
 * the example): not to another department, not even through a grant that names it (the registry refuses
 * such grants; the permission layer does not rely on that), and not to the union's own analysts.
 */
const MEDIATION = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Enterprise { mediationCases { caseNo notes } } }
  }
`;
const GRANTS = staticGrantSource({ HR_BUREAU: { 'MediationCase.notes': 'ch-wrongly-granted' } });

describe('union permission layer: RESTRICTED', () => {
  const read = (headers: Record<string, string>) =>
    union.query(MEDIATION, { representations: [{ __typename: 'Enterprise', creditCode: STORY_ENTERPRISES.constructionArrears }] }, headers);

  const union = useSubgraph(unionSubgraph, { demo: true, grants: GRANTS });

  it('shows the own department its mediation records', async () => {
    const { body } = await read(asPrincipal(Department.UNION, Role.CASEWORKER));
    expect(body.errors).toBeUndefined();
    const cases = body.data._entities[0].mediationCases as Array<{ caseNo: string; notes: string | null }>;
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.notes)).toBe(true);
  });

  it.each([
    ['another department, even with a grant naming the field', asPrincipal(Department.HR_BUREAU, Role.COORDINATOR)],
    ['another department without one', asPrincipal(Department.COURT, Role.ADMIN)],
    ["the own department's ANALYST", asPrincipal(Department.UNION, Role.ANALYST)],
  ])('refuses %s: null and FORBIDDEN for every record', async (_who, headers) => {
    const { body } = await read(headers);
    const cases = body.data._entities[0].mediationCases as Array<{ caseNo: string; notes: string | null }>;
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.caseNo && c.notes === null)).toBe(true);
    expect(body.errors).toHaveLength(cases.length);
    expect(body.errors![0]).toMatchObject({
      message: 'Not allowed for your department or role: MediationCase.notes',
      path: ['_entities', 0, 'mediationCases', 0, 'notes'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
