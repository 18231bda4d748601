import { Department, Role } from '@labour/shared';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * The suggested agenda ranks on the departments' signal columns and asks about union membership only
 * where it can change the first `limit`; this compares it, on the demo world, with the ranking built
 * the plain way: every department's signal objects (`…RiskSignals`, from each subgraph), NO_UNION for
 * every signalled enterprise no organisation covers, summed and sorted.
 */
const AGENDA = /* GraphQL */ `
  query SuggestedAgenda($limit: Int, $asOf: Date) {
    suggestedAgenda(limit: $limit, asOf: $asOf) { asOf missingSources items { enterprise { creditCode } score signals { source kind weight detail } } }
  }
`;
/** Each department's signal query and the subgraph answering it (asked directly: through the gateway, 100000 enterprises cost more than a client may ask for). */
const SIGNAL_QUERIES = [
  ['hr-bureau', 'hrBureauRiskSignals'],
  ['union', 'unionRiskSignals'],
  ['court', 'courtRiskSignals'],
  ['justice', 'justiceRiskSignals'],
] as const;

interface Signal {
  creditCode?: string;
  source: string;
  kind: string;
  weight: number;
  detail: string;
}
interface Item {
  enterprise: { creditCode: string };
  score: number;
  signals: Signal[];
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

describe("suggested agenda: the same ranking as every department's full signal lists", () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await useSharedStack();
  }, 180_000);
  afterAll(() => stack?.release());

  /** The agenda the plain way, for the first `limit`. */
  async function plainAgenda(asOf: string, limit: number): Promise<Item[]> {
    const since = daysBefore(asOf, 90);
    const signals: Signal[] = [];
    for (const [subgraph, name] of SIGNAL_QUERIES) {
      const result = await stack.subgraphs
        .get(subgraph)!
        .query<Record<string, Signal[]>>(
          `query ($since: Date!, $asOf: Date) { ${name}(since: $since, asOf: $asOf, limit: 100000) { creditCode source kind weight detail } }`,
          { since, asOf },
          asPrincipal(Department.UNION, Role.COORDINATOR),
        );
      expect(result.body.errors).toBeUndefined();
      signals.push(...result.body.data![name]!);
    }
    const union = stack.subgraphs.get('union')!.orm.em.fork();
    const covered = new Set(
      (
        await union.execute<Array<{ code: string }>>(
          'select distinct unnest(enterprise_credit_codes) as code from union_organization where founded_on <= ?',
          [asOf],
        )
      ).map((r) => r.code),
    );
    for (const code of new Set(signals.map((s) => s.creditCode!))) {
      if (!covered.has(code))
        signals.push({ creditCode: code, source: 'UNION', kind: 'NO_UNION', weight: 2, detail: 'no union organisation covers it' });
    }
    const byEnterprise = new Map<string, Signal[]>();
    for (const { creditCode, ...signal } of signals) byEnterprise.set(creditCode!, [...(byEnterprise.get(creditCode!) ?? []), signal]);
    return [...byEnterprise]
      .map(([creditCode, list]) => ({ enterprise: { creditCode }, score: list.reduce((sum, s) => sum + s.weight, 0), signals: list }))
      .sort((a, b) => b.score - a.score || (a.enterprise.creditCode < b.enterprise.creditCode ? -1 : 1))
      .slice(0, limit)
      .map((item) => ({
        ...item,
        signals: item.signals.sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind)),
      }));
  }

  it.each([
    [TEST_AS_OF, 1],
    [TEST_AS_OF, 20],
    [TEST_AS_OF, 100],
    // More than the demo world signals: every covered enterprise is asked about.
    [TEST_AS_OF, 200],
    ['2026-07-31', 20],
    ['2026-07-31', 200],
  ])('on %s, limit %i', async (asOf, limit) => {
    const expected = await plainAgenda(asOf, limit);
    if (limit === 200) expect(expected.length).toBeLessThan(200);
    else expect(expected).toHaveLength(limit);
    const result = await stack.query<{ suggestedAgenda: { asOf: string; missingSources: string[]; items: Item[] } }>(
      AGENDA,
      { limit, asOf },
      asPrincipal(Department.UNION, Role.COORDINATOR),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.suggestedAgenda).toEqual({ asOf, missingSources: [], items: expected });
  });
});
