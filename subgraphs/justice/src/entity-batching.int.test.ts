import { personRefOf } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from './definition';

let world: World;

const running = useSubgraph(justiceSubgraph, { demo: true });
beforeAll(async () => {
  world = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
}, 120_000);

const ENTITIES = /* GraphQL */ `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Enterprise {
      legalAidCases { caseNo }
      peopleMediationCases { caseNo committee { code } }
      peopleMediationCommittees { code cases { caseNo } }
    }
    ... on Worker { legalAidCases { caseNo } peopleMediationCases { caseNo committee { code } } }
    ... on Dispute { legalAidCases { caseNo } peopleMediationCases { caseNo committee { code } } }
  }
}`;

/** SQL statements one `_entities` fetch costs. */
async function statementsFor(reps: Array<Record<string, string>>): Promise<number> {
  running.subgraph.queries.reset();
  const response = await running.query(ENTITIES, { reps });
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data._entities).toHaveLength(reps.length);
  return running.subgraph.queries.count;
}

const distinct = (values: string[]) => [...new Set(values)].slice(0, 100);

describe('batching: one statement per entity type, whatever the number of representations', () => {
  it.each([
    // legal aid, people's mediation, their committees (one load), committees, the committees' cases
    [
      'Enterprise',
      'creditCode',
      () =>
        distinct([
          // First an enterprise whose own committee has cases, so that even one representation reaches every list.
          world.justice.committees.find(
            (c) => c.enterpriseCreditCode && world.justice.peopleMediationCases.some((m) => m.committeeCode === c.code),
          )!.enterpriseCreditCode!,
          ...world.justice.peopleMediationCases.map((c) => c.enterpriseCreditCode),
          ...world.justice.legalAidCases.map((c) => c.enterpriseCreditCode),
        ]),
      5,
    ],
    // legal aid, people's mediation, their committees
    [
      'Worker',
      'personRef',
      () => distinct(world.justice.peopleMediationCases.flatMap((c) => c.parties.map((p) => personRefOf(p.idNumber, TEST_LINKAGE_KEY)))),
      3,
    ],
    ['Dispute', 'disputeNo', () => distinct(world.justice.peopleMediationCases.map((c) => c.disputeNo)), 3],
  ] as const)('%s: 1 and 100 representations cost the same', async (typename, key, values, expected) => {
    const keys = values();
    expect(keys).toHaveLength(100);
    const reps = keys.map((value) => ({ __typename: typename, [key]: value }));
    expect(await statementsFor(reps.slice(0, 1))).toBe(expected);
    expect(await statementsFor(reps)).toBe(expected);
  });
});
