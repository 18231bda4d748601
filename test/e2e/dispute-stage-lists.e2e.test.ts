import { Department, Role } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * Disputes that reached a combination of stages in different departments, through the gateway, as an analyst
 * asks it (README "Disputes across departments"): here, disputes whose union mediation ended without agreement
 * within a period and that were then sued in court within the same period. Two ways, both on PUBLIC fields
 * only, so that an ANALYST of any department may ask:
 *
 * - by lists: the union's `mediationCases` filtered by status, outcome and closing date, page after page,
 *   then the court's `lawsuits` filtered by those dispute numbers (at most 100 a call) and filing date;
 * - in one query: the court's list of the period, each lawsuit with its dispute's mediation cases through
 *   the federated `Dispute`, filtered by the client.
 *
 * Both must give exactly what the demo world holds.
 */
const PERIOD = { from: '2025-07-01', to: '2026-06-30' };
const ENDED_WITHOUT_AGREEMENT = ['FAILED', 'LAPSED'];
const ANALYST = asPrincipal(Department.HR_BUREAU, Role.ANALYST);

const MEDIATIONS = /* GraphQL */ `
  query MediationsEnded($filter: MediationCaseFilter, $after: String) {
    mediationCases(filter: $filter, first: 100, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { disputeNo closedOn outcome }
    }
  }
`;
const LAWSUITS_OF = /* GraphQL */ `
  query LawsuitsOf($filter: LawsuitFilter) {
    lawsuits(filter: $filter, first: 100) { totalCount pageInfo { hasNextPage } nodes { caseNo disputeNo filedOn } }
  }
`;
const LAWSUITS_WITH_MEDIATIONS = /* GraphQL */ `
  query LawsuitsWithMediations($filter: LawsuitFilter, $after: String) {
    lawsuits(filter: $filter, first: 50, after: $after) {
      pageInfo { endCursor hasNextPage }
      nodes { caseNo disputeNo dispute { mediationCases { status outcome closedOn } } }
    }
  }
`;

let stack: SharedStack;
let world: World;
beforeAll(async () => {
  stack = await useSharedStack();
  world = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
}, 180_000);
afterAll(async () => {
  await stack?.release();
});

const within = (day: string | null | undefined) => !!day && day >= PERIOD.from && day <= PERIOD.to;

/** What the demo world says: the lawsuits filed in the period of disputes whose mediation ended so in the period. */
function expectedCaseNos(): string[] {
  const mediated = new Set(
    world.union.mediationCases
      .filter((m) => m.status === 'CLOSED' && ENDED_WITHOUT_AGREEMENT.includes(m.outcome ?? '') && within(m.closedOn))
      .map((m) => m.disputeNo),
  );
  return world.court.lawsuits
    .filter((l) => mediated.has(l.disputeNo) && within(l.filedOn))
    .map((l) => l.caseNo)
    .sort();
}

async function query<T>(text: string, variables: Record<string, unknown>): Promise<T> {
  const { body } = await stack.query(text, variables, ANALYST);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

describe('disputes across departments: mediated by the union, then sued in court, within one period', () => {
  it('by lists: the union mediation cases of the period, then the lawsuits of their disputes', async () => {
    const disputeNos: string[] = [];
    let after: string | null = null;
    do {
      const { mediationCases }: any = await query(MEDIATIONS, {
        filter: { status: ['CLOSED'], outcome: ENDED_WITHOUT_AGREEMENT, closedOn: PERIOD },
        after,
      });
      for (const m of mediationCases.nodes) {
        expect(within(m.closedOn)).toBe(true);
        disputeNos.push(m.disputeNo);
      }
      after = mediationCases.pageInfo.hasNextPage ? mediationCases.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(disputeNos).size).toBe(disputeNos.length);

    const caseNos: string[] = [];
    for (let i = 0; i < disputeNos.length; i += 100) {
      const { lawsuits }: any = await query(LAWSUITS_OF, { filter: { disputeNos: disputeNos.slice(i, i + 100), filedOn: PERIOD } });
      expect(lawsuits.pageInfo.hasNextPage).toBe(false);
      caseNos.push(...lawsuits.nodes.map((l: { caseNo: string }) => l.caseNo));
    }
    const expected = expectedCaseNos();
    expect(expected.length).toBeGreaterThan(2);
    expect(caseNos.sort()).toEqual(expected);
  });

  it('in one query: the lawsuits of the period with their disputes’ mediation cases, filtered by the client', async () => {
    const caseNos: string[] = [];
    let after: string | null = null;
    do {
      const { lawsuits }: any = await query(LAWSUITS_WITH_MEDIATIONS, { filter: { filedOn: PERIOD }, after });
      for (const l of lawsuits.nodes) {
        const mediatedThen = l.dispute.mediationCases.some(
          (m: { status: string; outcome: string | null; closedOn: string | null }) =>
            m.status === 'CLOSED' && ENDED_WITHOUT_AGREEMENT.includes(m.outcome ?? '') && within(m.closedOn),
        );
        if (mediatedThen) caseNos.push(l.caseNo);
      }
      after = lawsuits.pageInfo.hasNextPage ? lawsuits.pageInfo.endCursor : null;
    } while (after);
    expect(caseNos.sort()).toEqual(expectedCaseNos());
  });

  it('refuses more than 100 dispute numbers in one call, naming the argument', async () => {
    const disputeNos = Array.from({ length: 101 }, (_, i) => `LD-UN-2025-${String(i).padStart(6, '0')}`);
    const { body } = await stack.query(LAWSUITS_OF, { filter: { disputeNos } }, ANALYST);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.disputeNos' });
  });
});
