import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';

/**
 * The arbitration closure rate (仲裁按期结案率) on the demo world: like a real zone's, no past quarter is
 * perfect. The expected figures are computed here from the case rows (award deadline 45 days after
 * acceptance, 60 if extended), independently of the service's SQL.
 */
const RATE = /* GraphQL */ `query ($period: String!) { indicators(period: $period) { arbitrationClosureRate { value cases } } }`;

const DAY = 86_400_000;
const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The periods that ended before the demo's as-of day: the quarters and years of its window (it starts two years before). */
function pastPeriods(): Array<{ period: string; from: string; to: string }> {
  const asOfYear = Number(TEST_AS_OF.slice(0, 4));
  const periods: Array<{ period: string; from: string; to: string }> = [];
  for (let year = asOfYear - 2; year <= asOfYear; year++) {
    for (let q = 1; q <= 4; q++) {
      const from = `${year}-${String(3 * q - 2).padStart(2, '0')}-01`;
      const to = new Date(Date.UTC(year, 3 * q, 0)).toISOString().slice(0, 10);
      if (to < TEST_AS_OF) periods.push({ period: `${year}-Q${q}`, from, to });
    }
    if (`${year}-12-31` < TEST_AS_OF) periods.push({ period: String(year), from: `${year}-01-01`, to: `${year}-12-31` });
  }
  return periods;
}

describe('hr-bureau indicators on the demo world', () => {
  const hr = useSubgraph(hrBureauSubgraph, { demo: true });

  it('gives every past quarter and year an arbitration closure rate below 1, as counted from the cases', async () => {
    const rows = await hr.subgraph.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ acceptedOn: string; extended: boolean; closedOn: string | null }>>(
        `select to_char(accepted_on, 'YYYY-MM-DD') as "acceptedOn", extended, to_char(closed_on, 'YYYY-MM-DD') as "closedOn"
         from arbitration_case where accepted_on is not null`,
      );
    const cases = rows.map((r) => ({ ...r, deadline: addDays(r.acceptedOn, r.extended ? 60 : 45) }));
    const periods = pastPeriods();
    expect(periods.map((p) => p.period)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2024',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    for (const { period, from, to } of periods) {
      const due = cases.filter((c) => c.deadline >= from && c.deadline <= to);
      const inTime = due.filter((c) => c.closedOn !== null && c.closedOn <= c.deadline);
      const { body } = await hr.query(RATE, { period });
      expect(body.errors).toBeUndefined();
      const rate = body.data.indicators.arbitrationClosureRate;
      expect([period, rate]).toEqual([period, { value: Math.round((inTime.length / due.length) * 10_000) / 10_000, cases: due.length }]);
      expect([period, due.length >= 10, rate.value < 1, rate.value >= 0.85]).toEqual([period, true, true, true]);
    }
  });
});
