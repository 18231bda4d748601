import { mediationDueOn, personRefOf } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { startSubgraph, TEST_AS_OF, TEST_LINKAGE_KEY, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from './definition';

/** Descending by date, then by number: the order of the union's lists. */
const newestFirst = <T>(date: (r: T) => string, no: (r: T) => string) => (a: T, b: T) =>
  date(b).localeCompare(date(a)) || (no(b) < no(a) ? -1 : no(b) > no(a) ? 1 : 0);
const distinct = (values: string[]) => [...new Set(values)];

describe('union subgraph: demo data and batching', () => {
  let union: RunningSubgraph;
  // The same world the subgraph loaded: what it must answer, exactly.
  const { union: world } = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World;
  beforeAll(async () => {
    union = await startSubgraph(unionSubgraph, { demo: true });
  }, 120_000);
  afterAll(() => union?.stop());

  it('leaves planner statistics on every table once the demo data is in (analyzed, not planned as empty)', async () => {
    const unanalyzed = await union.subgraph.orm.em.fork().execute<Array<{ relname: string }>>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0 order by c.relname`,
    );
    expect(unanalyzed).toEqual([]);
  });

  it('stores a mediation case of the world with its legal due date and outcome', async () => {
    const sample = world.mediationCases.find((c) => c.outcome === 'AGREED')!;
    const { body } = await union.query(`query ($caseNo: String!) { mediationCase(caseNo: $caseNo) {
      disputeNo status outcome appliedOn dueOn closedOn agreement workers { personRef name } enterprise { creditCode } } }`, { caseNo: sample.caseNo });
    expect(body.data.mediationCase).toEqual({
      disputeNo: sample.disputeNo, status: 'CLOSED', outcome: 'AGREED', appliedOn: sample.appliedOn, dueOn: mediationDueOn(sample.appliedOn),
      closedOn: sample.closedOn, agreement: sample.agreement,
      workers: sample.workers.map((w) => ({ personRef: personRefOf(w.idNumber, TEST_LINKAGE_KEY), name: w.name })),
      enterprise: { creditCode: sample.enterpriseCreditCode },
    });
  });

  it('resolves an Enterprise representation to its union, contracts, mediation cases, aid and consultations', async () => {
    const counts = new Map<string, number>();
    for (const c of world.mediationCases) counts.set(c.enterpriseCreditCode, (counts.get(c.enterpriseCreditCode) ?? 0) + 1);
    const [code] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const { body } = await union.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      unionOrganization { name kind } collectiveContracts { contractNo } mediationCases { caseNo }
      hardshipAids { aidNo } legalConsultations { consultationNo } } } }`, { r: [{ __typename: 'Enterprise', creditCode: code }] });
    expect(body.errors).toBeUndefined();
    const covering = world.organizations.filter((o) => o.enterpriseCreditCodes.includes(code));
    expect(covering.length).toBeLessThanOrEqual(1);
    expect(body.data._entities[0]).toEqual({
      unionOrganization: covering[0] ? { name: covering[0].name, kind: covering[0].kind } : null,
      collectiveContracts: world.collectiveContracts.filter((c) => c.enterpriseCreditCode === code)
        .sort(newestFirst((c) => c.effectiveOn, (c) => c.contractNo)).map((c) => ({ contractNo: c.contractNo })),
      mediationCases: world.mediationCases.filter((c) => c.enterpriseCreditCode === code)
        .sort(newestFirst((c) => c.appliedOn, (c) => c.caseNo)).map((c) => ({ caseNo: c.caseNo })),
      hardshipAids: world.hardshipAids.filter((a) => a.enterpriseCreditCode === code)
        .sort(newestFirst((a) => a.grantedOn, (a) => a.aidNo)).map((a) => ({ aidNo: a.aidNo })),
      legalConsultations: world.legalConsultations.filter((c) => c.enterpriseCreditCode === code)
        .sort(newestFirst((c) => c.consultedOn, (c) => c.consultationNo)).map((c) => ({ consultationNo: c.consultationNo })),
    });
    expect(body.data._entities[0].mediationCases.length).toBeGreaterThan(1);
  });

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
      expect(total(hundred.entities, 'mediationCases')).toBe(world.mediationCases.filter((c) => codes.includes(c.enterpriseCreditCode)).length);
    });

    it('Worker: mediation cases, aid, consultations', async () => {
      const refs = distinct(world.mediationCases.flatMap((c) => c.workers.map((w) => personRefOf(w.idNumber, TEST_LINKAGE_KEY)))).slice(0, 100);
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
