import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from './definition';

describe('hr-bureau subgraph', () => {
  const hr = useSubgraph(hrBureauSubgraph, { demo: true });

  describe('batching: one SQL statement per entity type and relation, whatever the number of representations', () => {
    const ENTITIES = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Enterprise { name workers { name } inspections { kind } wageArrearsAlerts { level } layoffReports { plannedCount } arbitrationCases { caseNo } }
          ... on Worker { name employer { name } arbitrationCases { caseNo } }
        }
      }
    `;
    let enterprises: Array<{ creditCode: string; workers: Array<{ personRef: string }> }>;

    async function statementsFor(representations: object[]): Promise<string[]> {
      hr.subgraph.queries.reset();
      const { body } = await hr.query(ENTITIES, { representations });
      expect(body.errors).toBeUndefined();
      expect(body.data._entities.filter(Boolean)).toHaveLength(representations.length);
      return [...hr.subgraph.queries.lastStatements];
    }

    beforeAll(async () => {
      const page = await hr.query(`{ enterprises(first: 100) { nodes { creditCode workers { personRef } } } }`);
      enterprises = page.body.data.enterprises.nodes;
    });

    it('Enterprise: the lookup by credit code and its five lists, for 1 and for 100', async () => {
      const asEnterprise = (e: { creditCode: string }) => ({ __typename: 'Enterprise', creditCode: e.creditCode });
      const one = await statementsFor([asEnterprise(enterprises[0]!)]);
      const hundred = await statementsFor(enterprises.map(asEnterprise));
      expect(enterprises).toHaveLength(100);
      expect(one).toHaveLength(6);
      expect(hundred).toHaveLength(6);
    });

    it('Worker: the lookup by personRef, its employer and its arbitration cases, for 1 and for 100', async () => {
      const workers = enterprises.flatMap((e) => e.workers).slice(0, 100);
      const asWorker = (w: { personRef: string }) => ({ __typename: 'Worker', personRef: w.personRef });
      const one = await statementsFor([asWorker(workers[0]!)]);
      const hundred = await statementsFor(workers.map(asWorker));
      expect(workers).toHaveLength(100);
      expect(one).toHaveLength(3);
      expect(hundred).toHaveLength(3);
    });
  });
});
