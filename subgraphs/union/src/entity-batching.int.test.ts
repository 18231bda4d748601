import { personRefOf } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from './definition';

const distinct = (values: string[]) => [...new Set(values)];

describe('union subgraph: demo data and batching', () => {
  // The same world the subgraph loaded: what it must answer, exactly.
  const { union: world } = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World;
  const union = useSubgraph(unionSubgraph, { demo: true });

  describe('one SQL statement per list field, for 1 representation as for 100', () => {
    async function statementsFor(fields: string, representations: object[]) {
      union.subgraph.queries.reset();
      const { body } = await union.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ${fields} } }`, { r: representations });
      expect(body.errors).toBeUndefined();
      expect(body.data._entities).toHaveLength(representations.length);
      return { statements: union.subgraph.queries.count, entities: body.data._entities as Array<Record<string, unknown[]>> };
    }
    const total = (entities: Array<Record<string, unknown[]>>, field: string) => entities.reduce((n, e) => n + e[field]!.length, 0);

    it('Enterprise: union, contracts, mediation cases, aid, consultations', async () => {
      const codes = distinct(world.mediationCases.map((c) => c.enterpriseCreditCode)).slice(0, 100);
      const fields = `... on Enterprise { unionOrganization { name } collectiveContracts { contractNo } mediationCases { caseNo } hardshipAids { aidNo } legalConsultations { consultationNo } }`;
      const as = (creditCode: string) => ({ __typename: 'Enterprise', creditCode });
      const one = await statementsFor(fields, [as(codes[0]!)]);
      const hundred = await statementsFor(fields, codes.map(as));
      expect(codes).toHaveLength(100);
      expect([one.statements, hundred.statements]).toEqual([5, 5]);
      expect(total(hundred.entities, 'mediationCases')).toBe(
        world.mediationCases.filter((c) => codes.includes(c.enterpriseCreditCode)).length,
      );
    });

    it('Worker: mediation cases, aid, consultations', async () => {
      const refs = distinct(world.mediationCases.flatMap((c) => c.workers.map((w) => personRefOf(w.idNumber, TEST_LINKAGE_KEY)))).slice(
        0,
        100,
      );
      const fields = `... on Worker { mediationCases { caseNo } hardshipAids { aidNo } legalConsultations { consultationNo } }`;
      const as = (personRef: string) => ({ __typename: 'Worker', personRef });
      const one = await statementsFor(fields, [as(refs[0]!)]);
      const hundred = await statementsFor(fields, refs.map(as));
      expect(refs).toHaveLength(100);
      expect([one.statements, hundred.statements]).toEqual([3, 3]);
      expect(hundred.entities.every((e) => e['mediationCases']!.length > 0)).toBe(true);
    });

    it('Dispute: mediation cases, consultations', async () => {
      const nos = distinct(world.mediationCases.map((c) => c.disputeNo)).slice(0, 100);
      const fields = `... on Dispute { mediationCases { caseNo } legalConsultations { consultationNo } }`;
      const as = (disputeNo: string) => ({ __typename: 'Dispute', disputeNo });
      const one = await statementsFor(fields, [as(nos[0]!)]);
      const hundred = await statementsFor(fields, nos.map(as));
      expect(nos).toHaveLength(100);
      expect([one.statements, hundred.statements]).toEqual([2, 2]);
      expect(total(hundred.entities, 'mediationCases')).toBe(world.mediationCases.filter((c) => nos.includes(c.disputeNo)).length);
    });
  });
});
