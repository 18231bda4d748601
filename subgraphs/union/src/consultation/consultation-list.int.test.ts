import { Department, Role } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { listQuery, newestFirst, walkPages, type Page } from '../list.fixtures';

/** The world the subgraph loads with `demo: true`, its consultations in the list's order: what the list must answer. */
const CONSULTATIONS = newestFirst(
  (generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF }) as World).union.legalConsultations,
  'consultedOn',
  'consultationNo',
);
type Consultation = (typeof CONSULTATIONS)[number];
const within = (day: string, from: string, to: string) => from <= day && day <= to;
const ENTERPRISE = CONSULTATIONS.find((c) => c.enterpriseCreditCode)!.enterpriseCreditCode!;
const DISPUTES = CONSULTATIONS.filter((c) => c.disputeNo)
  .slice(0, 5)
  .map((c) => c.disputeNo!);

const LIST = listQuery('legalConsultations', 'LegalConsultationFilter', 'consultationNo');
const COURT = asPrincipal(Department.COURT, Role.CASEWORKER);

describe('union subgraph: the legalConsultations list', () => {
  const union = useSubgraph(unionSubgraph, { demo: true });

  /** The first page (up to 100) and the total, as the world says. */
  async function expectPage(filter: object | null, expected: Consultation[], headers?: Record<string, string>) {
    const { body } = await union.query(LIST, { filter, first: 100 }, headers);
    expect(body.errors).toBeUndefined();
    const page = body.data.legalConsultations as Page<{ consultationNo: string }>;
    expect(page.nodes.map((c) => c.consultationNo)).toEqual(expected.slice(0, 100).map((c) => c.consultationNo));
    expect(page.totalCount).toBe(expected.length);
  }

  it('lists every consultation, the latest first and same-day ones by number', async () => {
    await expectPage(null, CONSULTATIONS);
  });

  it.each<[string, object, (c: Consultation) => boolean]>([
    ['channel', { channel: ['WALK_IN', 'ON_SITE'] }, (c) => c.channel === 'WALK_IN' || c.channel === 'ON_SITE'],
    ['consultedOn', { consultedOn: { from: '2026-03-01', to: '2026-06-30' } }, (c) => within(c.consultedOn, '2026-03-01', '2026-06-30')],
    ['referral', { referredToLegalAid: true }, (c) => c.referredToLegalAid],
    ['no referral', { referredToLegalAid: false }, (c) => !c.referredToLegalAid],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    ['disputeNos', { disputeNos: [...DISPUTES, 'LD-HR-2026-999999'] }, (c) => DISPUTES.includes(c.disputeNo!)],
  ])('filters by %s exactly as the world says, for any department', async (_name, filter, matches) => {
    const expected = CONSULTATIONS.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(CONSULTATIONS.length);
    await expectPage(filter, expected, COURT);
  });

  it('combines filters: every condition holds', async () => {
    const filter = { channel: ['HOTLINE', 'ONLINE'], referredToLegalAid: true, consultedOn: { from: '2025-01-01' } };
    const expected = CONSULTATIONS.filter(
      (c) => ['HOTLINE', 'ONLINE'].includes(c.channel) && c.referredToLegalAid && c.consultedOn >= '2025-01-01',
    );
    expect(expected.length).toBeGreaterThan(0);
    await expectPage(filter, expected, asPrincipal(Department.UNION, Role.ANALYST));
  });

  it('walks a filtered list in pages of 7: each consultation once, in order, the same total on every page', async () => {
    const filter = { channel: ['HOTLINE', 'WALK_IN'] };
    const expected = CONSULTATIONS.filter((c) => c.channel === 'HOTLINE' || c.channel === 'WALK_IN').map((c) => c.consultationNo);
    const { keys, sizes, totals } = await walkPages(union, LIST, 'legalConsultations', 'consultationNo', filter, 7);
    expect(keys).toEqual(expected);
    expect(sizes).toHaveLength(Math.ceil(expected.length / 7));
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it.each([
    ['a cursor it did not give out', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['more than 100 a page', { first: 101 }, 'first'],
    ['a span that ends before it starts', { filter: { consultedOn: { from: '2026-09-30', to: '2026-07-01' } } }, 'filter.consultedOn.to'],
    ['more than 100 disputes', { filter: { disputeNos: Array.from({ length: 101 }, () => 'LD-UN-2026-000001') } }, 'filter.disputeNos'],
  ])('refuses %s: BAD_USER_INPUT naming the argument', async (_what, variables, field) => {
    union.subgraph.queries.reset();
    const { body } = await union.query(LIST, variables);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(union.subgraph.queries.count).toBe(0);
  });

  it("runs two statements for the union's staff, whatever the page size", async () => {
    const query = listQuery(
      'legalConsultations',
      'LegalConsultationFilter',
      'consultationNo topic worker { name } enterprise { creditCode }',
    );
    for (const first of [1, 100]) {
      union.subgraph.queries.reset();
      const { body } = await union.query(query, { filter: { referredToLegalAid: false }, first });
      expect(body.errors).toBeUndefined();
      expect(body.data.legalConsultations.nodes).toHaveLength(first);
      expect(union.subgraph.queries.count).toBe(2);
    }
  });

  it('gives another department the SHARED fields of the records null and FORBIDDEN as anywhere', async () => {
    const query = listQuery('legalConsultations', 'LegalConsultationFilter', 'consultationNo channel topic');
    const { body } = await union.query(query, { filter: { channel: ['ON_SITE'] }, first: 5 }, COURT);
    const nodes = body.data.legalConsultations.nodes as Array<{ channel: string; topic: string | null }>;
    expect(nodes).toHaveLength(5);
    expect(nodes.every((c) => c.channel === 'ON_SITE' && c.topic === null)).toBe(true);
    expect(body.errors).toHaveLength(5);
    expect(body.errors![0]).toMatchObject({
      message: 'Not allowed for your department or role: LegalConsultation.topic',
      path: ['legalConsultations', 'nodes', 0, 'topic'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
