import { mediationDueOn, personRefOf } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { itLeavesPlannerStatistics, TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';

/** Descending by date, then by number: the order of the union's lists. */
const newestFirst =
  <T>(date: (r: T) => string, no: (r: T) => string) =>
  (a: T, b: T) =>
    date(b).localeCompare(date(a)) || (no(b) < no(a) ? -1 : no(b) > no(a) ? 1 : 0);

describe('union subgraph: demo data and batching', () => {
  // The same world the subgraph loaded: what it must answer, exactly.
  const { union: world } = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World;
  const union = useSubgraph(unionSubgraph, { demo: true });

  itLeavesPlannerStatistics(union);

  it('stores a mediation case of the world with its legal due date and outcome', async () => {
    const sample = world.mediationCases.find((c) => c.outcome === 'AGREED')!;
    const { body } = await union.query(
      `query ($caseNo: String!) { mediationCase(caseNo: $caseNo) {
      disputeNo status outcome appliedOn dueOn closedOn agreement workers { personRef name } enterprise { creditCode } } }`,
      { caseNo: sample.caseNo },
    );
    expect(body.data.mediationCase).toEqual({
      disputeNo: sample.disputeNo,
      status: 'CLOSED',
      outcome: 'AGREED',
      appliedOn: sample.appliedOn,
      dueOn: mediationDueOn(sample.appliedOn),
      closedOn: sample.closedOn,
      agreement: sample.agreement,
      workers: sample.workers.map((w) => ({ personRef: personRefOf(w.idNumber, TEST_LINKAGE_KEY), name: w.name })),
      enterprise: { creditCode: sample.enterpriseCreditCode },
    });
  });

  it('resolves an Enterprise representation to its union, contracts, mediation cases, aid and consultations', async () => {
    const counts = new Map<string, number>();
    for (const c of world.mediationCases) counts.set(c.enterpriseCreditCode, (counts.get(c.enterpriseCreditCode) ?? 0) + 1);
    const [code] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const { body } = await union.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise {
      unionOrganization { name kind } collectiveContracts { contractNo } mediationCases { caseNo }
      hardshipAids { aidNo } legalConsultations { consultationNo } } } }`,
      { r: [{ __typename: 'Enterprise', creditCode: code }] },
    );
    expect(body.errors).toBeUndefined();
    const covering = world.organizations.filter((o) => o.enterpriseCreditCodes.includes(code));
    expect(covering.length).toBeLessThanOrEqual(1);
    expect(body.data._entities[0]).toEqual({
      unionOrganization: covering[0] ? { name: covering[0].name, kind: covering[0].kind } : null,
      collectiveContracts: world.collectiveContracts
        .filter((c) => c.enterpriseCreditCode === code)
        .sort(
          newestFirst(
            (c) => c.effectiveOn,
            (c) => c.contractNo,
          ),
        )
        .map((c) => ({ contractNo: c.contractNo })),
      mediationCases: world.mediationCases
        .filter((c) => c.enterpriseCreditCode === code)
        .sort(
          newestFirst(
            (c) => c.appliedOn,
            (c) => c.caseNo,
          ),
        )
        .map((c) => ({ caseNo: c.caseNo })),
      hardshipAids: world.hardshipAids
        .filter((a) => a.enterpriseCreditCode === code)
        .sort(
          newestFirst(
            (a) => a.grantedOn,
            (a) => a.aidNo,
          ),
        )
        .map((a) => ({ aidNo: a.aidNo })),
      legalConsultations: world.legalConsultations
        .filter((c) => c.enterpriseCreditCode === code)
        .sort(
          newestFirst(
            (c) => c.consultedOn,
            (c) => c.consultationNo,
          ),
        )
        .map((c) => ({ consultationNo: c.consultationNo })),
    });
    expect(body.data._entities[0].mediationCases.length).toBeGreaterThan(1);
  });
});
