import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/** `asOf` pins the 90-day window to the day the test world is drawn as of (the README's example leaves it out: today). */
const SUGGESTED_AGENDA = /* GraphQL */ `
  query SuggestedAgenda($limit: Int, $asOf: Date) {
    suggestedAgenda(limit: $limit, asOf: $asOf) {
      asOf missingSources
      items { enterprise { creditCode name } score signals { source kind weight detail } }
    }
  }
`;

interface Signal {
  source: string;
  kind: string;
  weight: number;
  detail: string;
}
interface Suggestions {
  suggestedAgenda: {
    asOf: string;
    missingSources: string[];
    items: Array<{ enterprise: { creditCode: string; name: string }; score: number; signals: Signal[] }>;
  };
}

/** Which department may give which kind of signal: a signal names its true source. */
const SOURCE_OF_KIND: Record<string, string> = {
  WAGE_ARREARS_OPEN: 'HR_BUREAU',
  LAYOFF_REPORTED: 'HR_BUREAU',
  ARBITRATION_FILED: 'HR_BUREAU',
  MEDIATION_APPLIED: 'UNION',
  CONTRACT_EXPIRED: 'UNION',
  CONTRACT_MISSING: 'UNION',
  NO_UNION: 'UNION',
  LAWSUIT_FILED: 'COURT',
  ENFORCEMENT_FAILED: 'COURT',
  LEGAL_AID_APPLIED: 'JUSTICE',
};

/** The construction firm of the wage-arrears story, as all four departments see it on TEST_AS_OF. */
const CONSTRUCTION_SIGNALS: Signal[] = [
  { source: 'JUSTICE', kind: 'LEGAL_AID_APPLIED', weight: 8, detail: '4 legal-aid applications since 2026-08-22' },
  {
    source: 'HR_BUREAU',
    kind: 'WAGE_ARREARS_OPEN',
    weight: 5,
    detail: '1 open wage-arrears warning, highest RED, amount owed ¥100,000–999,999',
  },
  { source: 'COURT', kind: 'LAWSUIT_FILED', weight: 2, detail: '1 labour lawsuit filed since 2026-08-22' },
  { source: 'UNION', kind: 'NO_UNION', weight: 2, detail: 'no union organisation covers it' },
  { source: 'HR_BUREAU', kind: 'ARBITRATION_FILED', weight: 1, detail: '1 arbitration case filed since 2026-08-22' },
  { source: 'UNION', kind: 'MEDIATION_APPLIED', weight: 1, detail: '1 union mediation case since 2026-08-22' },
];

describe('suggested agenda (事前预警) through the gateway', () => {
  const stack = useStack({ demo: true });

  it("ranks the stories' enterprises high, with signals from several departments, each naming its source", async () => {
    const result = await stack.query<Suggestions>(SUGGESTED_AGENDA, { limit: 20, asOf: TEST_AS_OF });
    expect(result.body.errors).toBeUndefined();
    const { asOf, missingSources, items } = result.body.data!.suggestedAgenda;
    expect({ asOf, missingSources, count: items.length }).toEqual({ asOf: TEST_AS_OF, missingSources: [], count: 20 });

    // First: the construction firm owing wages, seen by all four departments; its name comes from the labour bureau.
    expect(items[0]).toEqual({
      enterprise: { creditCode: STORY_ENTERPRISES.constructionArrears, name: '北京京开建工集团有限公司' },
      score: 19,
      signals: CONSTRUCTION_SIGNALS,
    });
    // The electronics firm laying off 200: the labour bureau's report and the union's mediation cases.
    const layoff = items.findIndex((item) => item.enterprise.creditCode === STORY_ENTERPRISES.electronicsLayoff);
    expect(layoff).toBeGreaterThan(0);
    expect(layoff).toBeLessThan(10);
    expect(items[layoff]).toEqual({
      enterprise: { creditCode: STORY_ENTERPRISES.electronicsLayoff, name: '北京亦庄芯联电子有限公司' },
      score: 7,
      signals: [
        { source: 'HR_BUREAU', kind: 'LAYOFF_REPORTED', weight: 5, detail: '1 layoff report since 2026-08-22' },
        { source: 'UNION', kind: 'MEDIATION_APPLIED', weight: 2, detail: '2 union mediation cases since 2026-08-22' },
      ],
    });
    // The chip maker that hires them gives no signal at all.
    expect(items.some((item) => item.enterprise.creditCode === STORY_ENTERPRISES.chipMakerHiring)).toBe(false);

    // Highest score first; each score is the sum of its signals; every signal from the department that owns its kind.
    expect(items.map((item) => item.score)).toEqual([...items.map((item) => item.score)].sort((a, b) => b - a));
    for (const item of items) {
      expect(item.score).toBe(item.signals.reduce((sum, s) => sum + s.weight, 0));
      for (const signal of item.signals) expect(signal.source).toBe(SOURCE_OF_KIND[signal.kind]);
    }
    const sources = new Set(items.flatMap((item) => item.signals.map((s) => s.source)));
    expect([...sources].sort()).toEqual(['COURT', 'HR_BUREAU', 'JUSTICE', 'UNION']);
  });

  it('answers an ADMIN; refuses an ANALYST and a CASEWORKER with FORBIDDEN', async () => {
    const admin = await stack.query<Suggestions>(
      SUGGESTED_AGENDA,
      { limit: 1, asOf: TEST_AS_OF },
      asPrincipal(Department.COURT, Role.ADMIN),
    );
    expect(admin.body.data?.suggestedAgenda.items.map((item) => item.score)).toEqual([19]);
    for (const [department, role] of [
      [Department.UNION, Role.ANALYST],
      [Department.HR_BUREAU, Role.CASEWORKER],
    ] as const) {
      const refused = await stack.query(SUGGESTED_AGENDA, { limit: 5 }, asPrincipal(department, role));
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    }
  });

  // Last: it stops the court's subgraph for good.
  it('answers without a department it cannot reach, and names it in missingSources', async () => {
    await stack.subgraphs.get('court')!.stop();
    const result = await stack.query<Suggestions>(SUGGESTED_AGENDA, { limit: 20, asOf: TEST_AS_OF });
    expect(result.body.errors).toBeUndefined();
    const { missingSources, items } = result.body.data!.suggestedAgenda;
    expect(missingSources).toEqual(['COURT']);
    expect(items[0]).toEqual({
      enterprise: { creditCode: STORY_ENTERPRISES.constructionArrears, name: '北京京开建工集团有限公司' },
      score: 17,
      signals: CONSTRUCTION_SIGNALS.filter((s) => s.source !== 'COURT'),
    });
    expect(items.flatMap((item) => item.signals).filter((s) => s.source === 'COURT')).toEqual([]);
  });
});
